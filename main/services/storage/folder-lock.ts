// One lock across processes for every read-modify-write in the data folder (the app and any number
// of element-auth processes): proper-lockfile, with a stale lock of a crashed process taken over.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../errors';

/** A lock older than this without a refresh belongs to a dead process and is taken over. */
const STALE_MS = 10_000;
/** How long a caller waits for another process before giving up with a sentence. */
const WAIT_MS = 30_000;

/**
 * Runs `task` while holding `<dir>/<name>.lock`; waits (up to 30 s) while another process holds it.
 * The lock is a directory created atomically; a crashed holder's lock goes stale and is taken over.
 */
export async function withFolderLock<T>(dir: string, name: string, task: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, name);
  let release: () => Promise<void>;
  try {
    // Loaded by the first write: proper-lockfile patches fs through graceful-fs, which costs a
    // command that only reads (tenant list) about a tenth of its start-up.
    const { default: lockfile } = await import('proper-lockfile');
    release = await lockfile.lock(target, {
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 4,
      retries: { retries: Math.ceil(WAIT_MS / 100), minTimeout: 20, maxTimeout: 200, randomize: true },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppFailure(
      'metadata_unwritable',
      code === 'ELOCKED'
        ? `Another Element Authenticator process has held ${name} for over 30 seconds; nothing was changed. Try again.`
        : `Could not lock ${name} in ${dir} (${code}); nothing was changed. Check that the folder is writable.`,
    );
  }
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}
