// Real `gpg`, `pass` and `git` for the team-store tests: users with their own HOME and key (made
// now, no passphrase), a bare repository as the team's remote, and clones of the store.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TeamUser {
  name: string;
  home: string;
  fingerprint: string;
  /** HOME, GNUPGHOME and git's identity: what this user's processes run with. */
  env: NodeJS.ProcessEnv;
  run(command: string, args: string[], options?: { input?: string; cwd?: string }): string;
  /** This user's clone of the team store (made by `cloneStore`). */
  store: string;
}

export function makeUser(root: string, name: string): TeamUser {
  const home = path.join(root, name);
  const gnupg = path.join(home, '.gnupg');
  mkdirSync(gnupg, { recursive: true, mode: 0o700 });
  writeFileSync(
    path.join(home, '.gitconfig'),
    `[user]\n\tname = ${name}\n\temail = ${name}@team.test\n[init]\n\tdefaultBranch = main\n[pull]\n\trebase = true\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(ELEMENT_AUTH_|PASSWORD_STORE_|GIT_)/.test(key)),
    ),
    HOME: home,
    GNUPGHOME: gnupg,
  };
  const run = (command: string, args: string[], options: { input?: string; cwd?: string } = {}) =>
    execFileSync(command, args, {
      env,
      input: options.input ?? '',
      cwd: options.cwd ?? home,
      encoding: 'utf8',
    });
  run('gpg', [
    '--batch',
    '--passphrase',
    '',
    '--quick-gen-key',
    `${name} <${name}@team.test>`,
    'default',
    'default',
    'never',
  ]);
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(run('gpg', ['--list-secret-keys', '--with-colons']))?.[1];
  if (!fingerprint) throw new Error(`no key made for ${name}`);
  return { name, home, fingerprint, env, run, store: path.join(home, 'team-store') };
}

/** `owner` trusts and can encrypt to `other`'s public key. */
export function importKey(owner: TeamUser, other: TeamUser): void {
  const key = other.run('gpg', ['--armor', '--export', other.fingerprint]);
  owner.run('gpg', ['--batch', '--import'], { input: key });
  owner.run('gpg', ['--import-ownertrust'], { input: `${other.fingerprint}:6:\n` });
}

export interface Team {
  root: string;
  remote: string;
  users: TeamUser[];
  close(): void;
}

/** A bare remote, and `founder`'s store encrypted for `members` (founder included), pushed to it. */
export function makeTeam(names: string[]): Team {
  const root = mkdtempSync(path.join(tmpdir(), 'element-auth-team-'));
  const users = names.map((name) => makeUser(root, name));
  const remote = path.join(root, 'remote.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  return {
    root,
    remote,
    users,
    close() {
      for (const user of users) {
        try {
          user.run('gpgconf', ['--kill', 'gpg-agent']);
        } catch {
          // an agent that never started has nothing to stop
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function initStore(team: Team, founder: TeamUser, members: TeamUser[]): void {
  for (const member of members) if (member !== founder) importKey(founder, member);
  const storeEnv = { input: '', cwd: founder.home };
  const pass = (args: string[]) =>
    execFileSync('pass', args, {
      env: { ...founder.env, PASSWORD_STORE_DIR: founder.store },
      ...storeEnv,
      encoding: 'utf8',
    });
  pass(['init', ...members.map((member) => member.fingerprint)]);
  pass(['git', 'init']);
  pass(['git', 'remote', 'add', 'origin', team.remote]);
  pass(['git', 'push', '--quiet', '-u', 'origin', 'main']);
}

export function cloneStore(team: Team, user: TeamUser): void {
  user.run('git', ['clone', '--quiet', team.remote, user.store]);
}

/** A PATH folder with every command of /usr/bin and /bin but `missing`: a machine without them. */
export function toolsWithout(root: string, missing: string[]): string {
  const dir = mkdtempSync(path.join(root, 'path-'));
  for (const source of ['/usr/bin', '/bin']) {
    for (const name of readdirSync(source)) {
      if (missing.includes(name) || existsSync(path.join(dir, name))) continue;
      symlinkSync(path.join(source, name), path.join(dir, name));
    }
  }
  return dir;
}
