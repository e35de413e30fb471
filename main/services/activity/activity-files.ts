// Where a tenant's activity log lives and how its lines chain: <dataDir>/activity/<tenantId>.jsonl,
// rotated files <tenantId>.1.jsonl, .2…, a head file with the last entry's hash, sha256 per line.
import { sha256Hex } from '../lazy-crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from '../../../common/zod';
import { ActivityEntrySchema } from '../../../common/contract';
import { AppFailure } from '../errors';

/** A file reaching this size is rotated before the next line. */
export const ROTATE_BYTES = 10 * 1024 * 1024;
/** The `prev` of the very first entry of a tenant. */
export const GENESIS = '0'.repeat(64);

/** One line on disk: the entry and the hash of the line before it. */
export const ActivityLineSchema = z.extend(ActivityEntrySchema, { prev: z.string() });
export type ActivityLine = z.infer<typeof ActivityLineSchema>;

/** The last entry written: kept beside the log, so a removed or edited last line is detected too. */
export const ActivityHeadSchema = z.object({ seq: z.number(), hash: z.string() });
export type ActivityHead = z.infer<typeof ActivityHeadSchema>;

export const activityFolder = (dataDir: string) => path.join(dataDir, 'activity');

export function lineHash(line: string): string {
  return sha256Hex(line);
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function tenantLogNames(tenantId: string) {
  if (!SAFE_ID.test(tenantId)) {
    throw new AppFailure('invalid_input', 'That tenant id cannot name an activity log.');
  }
  return {
    current: `${tenantId}.jsonl`,
    rotated: (index: number) => `${tenantId}.${index}.jsonl`,
    head: `${tenantId}.head`,
  };
}

/** The tenant's log files in chain order (oldest rotated first, the current file last), as names. */
export async function logFilesOf(dir: string, tenantId: string): Promise<string[]> {
  const names = tenantLogNames(tenantId);
  const rotated = new RegExp(`^${tenantId}\\.(\\d+)\\.jsonl$`);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const numbered = entries
    .map((name) => ({ name, index: Number(rotated.exec(name)?.[1] ?? NaN) }))
    .filter((file) => Number.isInteger(file.index))
    .sort((a, b) => a.index - b.index)
    .map((file) => file.name);
  return entries.includes(names.current) ? [...numbered, names.current] : numbered;
}

/** The tenant ids that have a log in the folder (current or rotated). */
export async function loggedTenantIds(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  const ids = entries.map((name) => /^([A-Za-z0-9_-]+)(?:\.\d+)?\.jsonl$/.exec(name)?.[1]);
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

export async function readHead(file: string): Promise<ActivityHead | null> {
  try {
    const parsed = ActivityHeadSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The last line of a file (without its newline) and whether the file ends with one; null when empty or absent. */
export async function lastLineOf(file: string): Promise<{ text: string; endsWithNewline: boolean } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return null;
    for (let chunk = 4096; ; chunk *= 4) {
      const start = Math.max(0, size - chunk);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const endsWithNewline = buffer[buffer.length - 1] === 0x0a;
      const body = endsWithNewline ? buffer.subarray(0, -1) : buffer;
      const newline = body.lastIndexOf(0x0a);
      if (newline >= 0 || start === 0) {
        return { text: body.subarray(newline + 1).toString('utf8'), endsWithNewline };
      }
    }
  } finally {
    await handle.close();
  }
}
