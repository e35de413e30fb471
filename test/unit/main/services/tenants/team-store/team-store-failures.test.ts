// What pass and gpg print, mapped to the sentence a consultant can act on: the table of messages
// these tools really write (GnuPG 2.2/2.4, pass 1.7), and "not in the store" as no failure at all.
import { describe, expect, it } from 'vitest';
import { passFailureOf } from '../../../../../../main/services/tenants/team-store/team-store-failures';

const ENTRY = 'customers/acme/org-secret';
const DIR = '/home/a/.password-store';

describe('passFailureOf', () => {
  it.each([
    [
      'gpg: decryption failed: No secret key',
      'team_store_not_recipient',
      /not among the store's recipients for customers\/acme\/org-secret/,
    ],
    [
      'gpg: public key decryption failed: Operation cancelled\ngpg: decryption failed: Operation cancelled',
      'team_store_locked',
      /passphrase prompt was cancelled/,
    ],
    [
      'gpg: public key decryption failed: Inappropriate ioctl for device',
      'team_store_locked',
      /could not unlock your key/,
    ],
    [
      'gpg: 0xDEADBEEF: skipped: No public key\ngpg: [stdin]: encryption failed: No public key',
      'team_store_not_recipient',
      /include a key this computer does not have/,
    ],
    [
      'Error: You must run:\n    pass init your-gpg-id\nbefore you may use the password store.',
      'team_store_unavailable',
      /is not a password store yet/,
    ],
    [
      '/usr/bin/pass: line 400: gpg: command not found',
      'team_store_unavailable',
      /needs GnuPG \(gpg\), and it is not installed/,
    ],
    [
      'something else entirely\nsecond line',
      'team_store_unavailable',
      /refused the call \(pass said: something else entirely\)/,
    ],
  ])('%s → %s', (stderr, code, sentence) => {
    const failure = passFailureOf(stderr, ENTRY, DIR);
    expect(failure?.code).toBe(code);
    expect(failure?.message).toMatch(sentence);
  });

  it('an entry that is not there is no failure: the store answers "none"', () => {
    expect(passFailureOf(`Error: ${ENTRY} is not in the password store.`, ENTRY, DIR)).toBeNull();
  });
});
