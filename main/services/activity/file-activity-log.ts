// The activity log on disk: one JSON line per action, appended and fsynced under the tenant's
// cross-process lock, chained by hash, rotated at 10 MB with the chain carried into the next file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ActivitySource } from '../../../common/contract';
import { writeFileAtomic } from '../storage/atomic-file';
import { withFolderLock } from '../storage/folder-lock';
import type { Clock, EventSink } from '../ports';
import type { ActivityLog, ActivityRecord } from './activity-log';
import {
  activityFolder,
  GENESIS,
  lastLineOf,
  lineHash,
  logFilesOf,
  ROTATE_BYTES,
  tenantLogNames,
  type ActivityLine,
} from './activity-files';

export interface FileActivityLogOptions {
  dataDir: string;
  clock: Clock;
  source: ActivitySource;
  /** Where a failure to write is told (app.notice); the action itself has already happened. */
  events: EventSink;
  /** Tests make rotation happen sooner. */
  rotateBytes?: number;
}

export class FileActivityLog implements ActivityLog {
  private readonly dir: string;

  constructor(private readonly options: FileActivityLogOptions) {
    this.dir = activityFolder(options.dataDir);
  }

  async record(entry: ActivityRecord): Promise<void> {
    const { tenantId, tenantName } = entry.tenant;
    await this.underLock(
      tenantId,
      () => this.append(tenantId, entry),
      (why) => `The action on ${tenantName} went through, but the activity log could not record it: ${why}`,
    );
  }

  async forget(tenantId: string): Promise<void> {
    await this.underLock(
      tenantId,
      async () => {
        const names = tenantLogNames(tenantId);
        for (const name of [...(await logFilesOf(this.dir, tenantId)), names.head]) {
          await fs.rm(path.join(this.dir, name), { force: true });
        }
      },
      (why) => `The tenant was removed, but its activity log in ${this.dir} could not be deleted: ${why}`,
    );
  }

  /** Runs a task under the tenant's lock; a failure is told as a warning, never thrown (the action is done). */
  private async underLock(
    tenantId: string,
    task: () => Promise<void>,
    warning: (why: string) => string,
  ): Promise<void> {
    try {
      await withFolderLock(this.dir, tenantLogNames(tenantId).current, task);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.options.events.emit('app.notice', { level: 'warning', message: warning(why) });
    }
  }

  /** Runs under the tenant's lock: no other process appends between reading the last line and writing. */
  private async append(tenantId: string, entry: ActivityRecord): Promise<void> {
    const names = tenantLogNames(tenantId);
    const files = await logFilesOf(this.dir, tenantId);
    const current = path.join(this.dir, names.current);
    const rotated = files.filter((name) => name !== names.current);
    const inCurrent = await lastLineOf(current);
    const previousFile = rotated.at(-1);
    const last = inCurrent ?? (previousFile ? await lastLineOf(path.join(this.dir, previousFile)) : null);
    const line = this.lineOf(entry, last?.text);
    const text = JSON.stringify(line);
    let size = await fs.stat(current).then(
      (stat) => stat.size,
      () => 0,
    );
    if (size > 0 && size + Buffer.byteLength(text) + 1 > (this.options.rotateBytes ?? ROTATE_BYTES)) {
      await fs.rename(current, path.join(this.dir, names.rotated(rotationIndex(previousFile) + 1)));
      size = 0;
    }
    // A line torn by a crash stays on its own line, where the reader reports it.
    const torn = size > 0 && inCurrent !== null && !inCurrent.endsWithNewline;
    const handle = await fs.open(current, 'a', 0o600);
    try {
      await handle.write(`${torn ? '\n' : ''}${text}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await writeFileAtomic(
      path.join(this.dir, names.head),
      JSON.stringify({ seq: line.seq, hash: lineHash(text) }),
    );
  }

  private lineOf(entry: ActivityRecord, previous: string | undefined): ActivityLine {
    const { tenantId, tenantName } = entry.tenant;
    return {
      seq: previousSeq(previous) + 1,
      time: new Date(this.options.clock.now()).toISOString(),
      action: entry.action,
      tenantId,
      tenantName,
      ...(entry.instanceId !== undefined ? { instanceId: entry.instanceId } : {}),
      ...(entry.instanceName !== undefined ? { instanceName: entry.instanceName } : {}),
      outcome: entry.outcome ?? 'ok',
      ...(entry.requestId ? { requestId: entry.requestId } : {}),
      source: this.options.source,
      details: entry.details ?? {},
      prev: previous === undefined ? GENESIS : lineHash(previous),
    };
  }
}

/** The number of the entry on that line; 0 when there is none or it cannot be read (the reader reports it). */
function previousSeq(line: string | undefined): number {
  if (line === undefined) return 0;
  try {
    const seq = (JSON.parse(line) as { seq?: unknown }).seq;
    return typeof seq === 'number' && Number.isInteger(seq) ? seq : 0;
  } catch {
    return 0;
  }
}

/** The number of a rotated file (<tenantId>.<n>.jsonl); 0 when there is none. */
function rotationIndex(name: string | undefined): number {
  return Number(/\.(\d+)\.jsonl$/.exec(name ?? '')?.[1] ?? 0);
}
