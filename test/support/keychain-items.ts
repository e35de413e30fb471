// What the Secret Service holds for a keychain service name, read with secret-tool (the tests'
// view of orphans: the app itself never enumerates the keychain), and clearing it between tests.
import { spawnSync } from 'node:child_process';

/** Every account stored under `service` (attributes only: works on a locked keyring too). */
export function keychainAccounts(service: string): string[] {
  const result = spawnSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8' });
  if (result.error) throw new Error(`secret-tool could not run: ${result.error.message}`);
  return [...`${result.stdout}\n${result.stderr}`.matchAll(/^attribute\.account = (.*)$/gm)]
    .map((match) => match[1] ?? '')
    .sort();
}

/** Deletes every item stored under `service`. */
export function clearKeychain(service: string): void {
  spawnSync('secret-tool', ['clear', 'service', service], { stdio: 'ignore' });
}
