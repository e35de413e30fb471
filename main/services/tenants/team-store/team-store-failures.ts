// What `pass`, `gpg` and `git` say when a team store cannot be used, told apart in plain words,
// each with a way forward. One home for these sentences: the store, the sharing and the CLI use them.
import { AppFailure } from '../../errors';

const INSTALL_PASS =
  'Install it (Debian/Ubuntu: sudo apt install pass; macOS: brew install pass; Windows: use WSL or gopass), then try again.';

export const teamStoreFailures = {
  passMissing: () =>
    new AppFailure(
      'team_store_unavailable',
      `The team password store needs the “pass” command, and it is not installed. ${INSTALL_PASS}`,
    ),
  gpgMissing: () =>
    new AppFailure(
      'team_store_unavailable',
      'The team password store needs GnuPG (gpg), and it is not installed. Install it (Debian/Ubuntu: sudo apt install gnupg; macOS: brew install gnupg), then try again.',
    ),
  gitMissing: () =>
    new AppFailure(
      'team_store_unavailable',
      'The team password store is a git repository, and git is not installed. Install it (Debian/Ubuntu: sudo apt install git; macOS: xcode-select --install), then try again.',
    ),
  notInitialised: (dir: string) =>
    new AppFailure(
      'team_store_unavailable',
      `${dir} is not a password store yet (it has no .gpg-id). Clone the team's store there, or create it with “pass init <your key id>”, then try again.`,
    ),
  notRecipient: (entry: string) =>
    new AppFailure(
      'team_store_not_recipient',
      `Your key is not among the store's recipients for ${entry}, so this computer cannot read it. ` +
        'Send your public key id to a teammate: they add it to the .gpg-id and run “pass init” to re-encrypt, then push; pull and try again.',
    ),
  unknownRecipient: (entry: string) =>
    new AppFailure(
      'team_store_not_recipient',
      `The store's recipients for ${entry} include a key this computer does not have, so nothing was written. ` +
        "Import the team's public keys (gpg --import) and trust them, then try again.",
    ),
  keyLocked: () =>
    new AppFailure(
      'team_store_locked',
      'GnuPG could not unlock your key: the passphrase prompt was cancelled or could not be shown. ' +
        'Unlock it (for example run “pass show” on the entry in a terminal), then try again.',
    ),
  entryMissing: (entry: string) =>
    new AppFailure(
      'secret_missing',
      `${entry} is not in the team password store. Pull the store, or ask the teammate who shared the tenant to add it.`,
    ),
  conflict: (dir: string) =>
    new AppFailure(
      'team_store_conflict',
      `The team store at ${dir} and its remote changed the same entries, so nothing was merged. ` +
        `Resolve it yourself in ${dir} (git status shows the entries), then try again.`,
    ),
  syncFailed: (dir: string, what: 'pull' | 'push', said: string) =>
    new AppFailure(
      'team_store_sync_failed',
      `Could not ${what} the team store at ${dir} (git said: ${said}). ` +
        (what === 'pull'
          ? 'Check the network and the remote, then try again; nothing was read.'
          : 'Your change is saved in the local store; push it yourself (pass git push) once the remote is reachable.'),
    ),
  refused: (said: string) =>
    new AppFailure(
      'team_store_unavailable',
      `The team password store refused the call (pass said: ${said}).`,
    ),
};

/** The first meaningful line of a tool's error output, short; it never holds a secret (we pass none in argv). */
export function firstLine(text: string): string {
  const line = text
    .split('\n')
    .map((candidate) => candidate.trim())
    .find(Boolean);
  return (line ?? 'no message').slice(0, 200);
}

/** Maps what `pass` printed on a failed call to the failure a user can act on; null for "not there". */
export function passFailureOf(stderr: string, entry: string, dir: string): AppFailure | null {
  if (/is not in the password store/i.test(stderr)) return null;
  if (/pass init|must run:/i.test(stderr)) return teamStoreFailures.notInitialised(dir);
  if (/gpg2?: (command )?not found|gpg2?: No such file/i.test(stderr)) return teamStoreFailures.gpgMissing();
  if (/no secret key/i.test(stderr)) return teamStoreFailures.notRecipient(entry);
  if (/no public key|unusable public key|encryption failed/i.test(stderr))
    return teamStoreFailures.unknownRecipient(entry);
  if (/cancel|pinentry|inappropriate ioctl|bad passphrase|no pinentry/i.test(stderr))
    return teamStoreFailures.keyLocked();
  return teamStoreFailures.refused(firstLine(stderr));
}
