// SecretStore over a team's `pass` store (GPG-encrypted files in a git repository): entries are
// read when used and never kept. A store with a git remote is pulled before reads and pushed after writes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../../ports';
import { runGit, runPass, type ToolResult } from './pass-cli';
import { firstLine, passFailureOf, teamStoreFailures } from './team-store-failures';

export interface PassStoreOptions {
  /** The store's folder (PASSWORD_STORE_DIR). */
  dir: string;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** A pull older than this is done again before the next read. */
  pullEveryMs?: number;
  /** Told every secret read or written, so no log line or error can show it. */
  hide?: (secret: string) => void;
}

/** A git repository with at least one remote: the store is shared, so it is kept in sync. */
async function hasRemote(dir: string, env?: NodeJS.ProcessEnv): Promise<boolean> {
  if (!existsSync(path.join(dir, '.git'))) return false;
  const remotes = await runGit(['remote'], { dir, env });
  return remotes.ok && remotes.stdout.trim() !== '';
}

export class PassSecretStore implements SecretStore {
  private pulledAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: PassStoreOptions) {}

  get dir(): string {
    return this.options.dir;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private failed(result: ToolResult, entry: string): never {
    throw passFailureOf(result.stderr, entry, this.dir) ?? teamStoreFailures.entryMissing(entry);
  }

  private assertInitialised(): void {
    if (!existsSync(path.join(this.dir, '.gpg-id'))) throw teamStoreFailures.notInitialised(this.dir);
  }

  /** Pulls (rebasing local commits) at most once per `pullEveryMs`; a conflict is undone and told. */
  async pull(force = false): Promise<void> {
    if (!force && this.now() - this.pulledAt < (this.options.pullEveryMs ?? 30_000)) return;
    if (!(await hasRemote(this.dir, this.options.env))) return;
    const git = { dir: this.dir, env: this.options.env };
    const pulled = await runGit(['pull', '--rebase', '--quiet'], git);
    if (!pulled.ok) {
      if (/conflict/i.test(pulled.stderr + pulled.stdout)) {
        await runGit(['rebase', '--abort'], git);
        throw teamStoreFailures.conflict(this.dir);
      }
      throw teamStoreFailures.syncFailed(this.dir, 'pull', firstLine(pulled.stderr));
    }
    this.pulledAt = this.now();
  }

  /** Pushes what `pass` committed; a remote that moved meanwhile is pulled (rebased) once, then pushed. */
  private async push(): Promise<void> {
    if (!(await hasRemote(this.dir, this.options.env))) return;
    const git = { dir: this.dir, env: this.options.env };
    let pushed = await runGit(['push', '--quiet'], git);
    if (!pushed.ok && /rejected|fetch first|non-fast-forward/i.test(pushed.stderr)) {
      await this.pull(true);
      pushed = await runGit(['push', '--quiet'], git);
    }
    if (!pushed.ok) throw teamStoreFailures.syncFailed(this.dir, 'push', firstLine(pushed.stderr));
  }

  async get(entry: string): Promise<string | null> {
    this.assertInitialised();
    await this.pull();
    const result = await runPass(['show', entry], { dir: this.dir, env: this.options.env });
    if (result.ok) {
      const secret = result.stdout.replace(/\n$/, '');
      this.options.hide?.(secret);
      return secret;
    }
    const failure = passFailureOf(result.stderr, entry, this.dir);
    if (failure) throw failure;
    return null;
  }

  async set(entry: string, secret: string): Promise<void> {
    this.options.hide?.(secret);
    this.assertInitialised();
    await this.pull();
    const result = await runPass(['insert', '--multiline', '--force', entry], {
      dir: this.dir,
      env: this.options.env,
      stdin: secret,
    });
    if (!result.ok) this.failed(result, entry);
    await this.push();
  }

  async delete(entry: string): Promise<boolean> {
    this.assertInitialised();
    await this.pull();
    const result = await runPass(['rm', '--force', entry], { dir: this.dir, env: this.options.env });
    if (!result.ok) {
      if (passFailureOf(result.stderr, entry, this.dir) === null) return false;
      this.failed(result, entry);
    }
    await this.push();
    return true;
  }
}
