// The AppFailure a promise rejects with, for tests that look at its code, sentence and details;
// anything else (a resolve, a plain Error) fails the test.
import { AppFailure } from '../../main/services/errors';

export async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppFailure)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error;
}
