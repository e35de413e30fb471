// Writes a file so that readers see the old or the new content, never half of it: a private temp
// file beside it (owner-only), flushed to disk, then renamed over the target.
import { randomBytes } from '../lazy-crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Prefix of every temp file this module writes; `.tmp` is its suffix (doctor finds leftovers by both). */
export const TEMP_PREFIX = '.';
export const TEMP_SUFFIX = '.tmp';

/**
 * The folder must exist (the folder lock creates the data folder; an export never creates folders).
 * `beforeRename` runs once the temp file is complete (a checkpoint for the tests' kill hook).
 */
export async function writeFileAtomic(
  file: string,
  /** The text, or its pieces as they are made (a long export), written in order. */
  content: string | AsyncIterable<string>,
  mode = 0o600,
  beforeRename?: () => void,
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `${TEMP_PREFIX}${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      // Each writeFile continues where the last one ended.
      else for await (const piece of content) await handle.writeFile(piece, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename?.();
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** True while a process with this id runs (a temp file of a live writer is not stale). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temp files this module left in `dir` (of `file` only, when given) whose writer is gone: a
 * process killed between the write and the rename. Nothing is removed here.
 */
export async function staleTempFiles(dir: string, file?: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const prefix = TEMP_PREFIX + (file === undefined ? '' : `${path.basename(file)}.`);
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX))
    .filter((name) => {
      const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);
      return !Number.isInteger(pid) || pid === 0 || !alive(pid);
    })
    .map((name) => path.join(dir, name));
}
