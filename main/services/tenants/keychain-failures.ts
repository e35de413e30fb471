// The keychain's failures told apart, each with its own code and sentence: locked, unavailable,
// a refused write; and how a failure midway is told with what was already done.
import type { ErrorCode } from '../../../common/contract';
import { AppFailure, isFailure } from '../errors';

export type KeychainFailureKind = 'locked' | 'unavailable' | 'refused';

const failures: Record<KeychainFailureKind, { code: ErrorCode; message: string }> = {
  locked: {
    code: 'keychain_locked',
    message:
      'The keychain is locked (on Linux: the login keyring of the Secret Service). Unlock it and try again; ' +
      'your secrets are still there.',
  },
  unavailable: {
    code: 'keychain_unavailable',
    message:
      'The system keychain is not available (on Linux: is a Secret Service such as gnome-keyring running?). ' +
      'Secrets are kept only in the keychain, so none was read or saved.',
  },
  refused: {
    code: 'keychain_write_refused',
    message: 'The keychain refused to save or delete an item (is it full or read-only?).',
  },
};

export function keychainFailure(kind: KeychainFailureKind): AppFailure {
  const { code, message } = failures[kind];
  return new AppFailure(code, message);
}

const KEYCHAIN_CODES: readonly ErrorCode[] = [
  'keychain_locked',
  'keychain_unavailable',
  'keychain_write_refused',
];

export function isKeychainFailure(error: unknown): error is AppFailure {
  return isFailure(error) && KEYCHAIN_CODES.includes(error.code);
}

/**
 * A keychain failure after part of a change was done: the same code, with what was done first and
 * what was not. Any other error passes unchanged.
 */
export function afterPartialChange(error: unknown, done: string, notDone: string): unknown {
  if (!isKeychainFailure(error)) return error;
  const message = [done, notDone, error.message].filter(Boolean).join(' ');
  return new AppFailure(error.code, message, error.details);
}
