// Typed failures of the services: a code from the contract, one human sentence, and details.
// The router turns them into the { ok: false, error } envelope; nothing else crosses IPC.
import type { AppError, ErrorCode } from '../../common/contract';

export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AppError['details'],
  ) {
    super(message);
    this.name = 'AppFailure';
  }

  toAppError(): AppError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isFailure(error: unknown, code?: ErrorCode): error is AppFailure {
  return error instanceof AppFailure && (code === undefined || error.code === code);
}

/** The AppError of any failure: an AppFailure's own, anything unexpected as one plain sentence. */
export function appErrorOf(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toAppError();
  return { code: 'internal', message: 'Something went wrong inside the app. Please start again.' };
}
