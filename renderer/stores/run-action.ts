// The one way a store calls main: busy → call → the value or the envelope's error, recorded next to
// the action; an answer that arrives after its scope (the tenant, a newer request) moved on is dropped.
import type { AppError, Result } from '../../common/contract';

/** ok: the value, even when the channel answers null; not ok: why (the call failed or was dropped). */
export type ActionResult<T> = Result<T>;

const UNEXPECTED: AppError = {
  code: 'internal',
  message: 'Something went wrong inside the app. Please try again.',
};

/** The answer came for a tenant that is no longer active (or a newer request): nobody is shown it. */
export const DROPPED: AppError = {
  code: 'cancelled',
  message: 'The answer came for a tenant that is no longer active, so it was dropped.',
};

export interface ActionHost<A> {
  /** Marks the action busy and clears its previous error. */
  begin(action: A): void;
  /** Marks it done: error is the envelope's error, or null on success. */
  end(action: A, error: AppError | null): void;
  /** The scope now (the active tenant, a request ticket): when it differs after the call, the answer is dropped. */
  scope?(): unknown;
}

/** The call's envelope; a transport that throws becomes a plain sentence, never an exception. */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNEXPECTED };
  }
}

export async function runAction<A, T>(
  host: ActionHost<A>,
  action: A,
  call: () => Promise<Result<T>>,
): Promise<ActionResult<T>> {
  const asked = host.scope?.();
  host.begin(action);
  const result = await settle(call);
  if (host.scope && host.scope() !== asked) return { ok: false, error: DROPPED };
  host.end(action, result.ok ? null : result.error);
  return result;
}
