// The renderer's only door to main: window.elementAuth, typed from createApi, and a helper that
// turns a Result envelope into a value or a thrown AppError for store actions.
import type { ElementAuthApi } from '../common/api';
import type { AppError, Result } from '../common/contract';

declare global {
  interface Window {
    elementAuth: ElementAuthApi;
  }
}

export const bridge = (): ElementAuthApi => window.elementAuth;

export class BridgeError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}

/** The AppError behind a failed store action; anything unexpected becomes a plain sentence. */
export function toAppError(error: unknown): AppError {
  if (error instanceof BridgeError) return error.error;
  return { code: 'internal', message: 'Something went wrong inside the app. Please try again.' };
}
