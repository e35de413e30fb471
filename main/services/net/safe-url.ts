// The network rule as a service check: a URL that breaks it (common/urls.ts) is an AppFailure
// with the user's sentence, before anything is sent or opened.
import { checkCallbackUrl, remoteUrlProblem, type CallbackDoor } from '../../../common/urls';
import { AppFailure } from '../errors';

export function assertSafeRemoteUrl(value: string, what: string): URL {
  const problem = remoteUrlProblem(value, what);
  if (problem) throw new AppFailure('insecure_url', problem);
  return new URL(value.trim());
}

/** A callback URL as typed (step 3 repeats it byte for byte) and the door it opens, or the user's sentence. */
export function assertCallbackUrl(value: string): { callbackUrl: string; door: CallbackDoor } {
  const check = checkCallbackUrl(value);
  if (!check.ok) throw new AppFailure(check.insecure ? 'insecure_url' : 'invalid_input', check.message);
  return { callbackUrl: value.trim(), door: check.door };
}
