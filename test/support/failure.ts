// The AppFailure a promise rejects with, for tests that check its code and sentence; anything
// else (another error, or no failure at all) fails the test.
import { AppFailure, isFailure } from '../../main/services/errors';

export async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (isFailure(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
