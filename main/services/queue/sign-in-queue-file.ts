// The sign-in queue on disk (sign-in-queue.json in the data folder), so a queue of re-authentications
// or an import survives closing the app. It holds plan data only, never a secret; a removed tenant's
// items are dropped when it is read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SignInQueueSchema, type SignInQueue } from '../../../common/contract';
import { withoutRemovedTenants } from '../../../common/sign-in-queue';
import { sizeText } from '../cloud-elements/platform-errors';
import { AppFailure } from '../errors';
import type { Logger } from '../ports';
import { writeFileAtomic } from '../storage/atomic-file';

export const QUEUE_FILE = 'sign-in-queue.json';

const EMPTY: SignInQueue = { items: [], current: null };

/**
 * The most the queue file may hold (characters of JSON). A queue of 10,000 imports is about 14 MB; the
 * queue comes from the renderer, and what it sends is never allowed to fill the disk.
 */
export const MAX_QUEUE_CHARS = 64 * 1024 * 1024;

export interface SignInQueueFileOptions {
  dataDir: string;
  /** The ids of the tenants that exist now. */
  tenantIds(): Promise<string[]>;
  log: Logger;
  /** MAX_QUEUE_CHARS unless a test says less. */
  maxChars?: number;
}

export class SignInQueueFile {
  constructor(private readonly options: SignInQueueFileOptions) {}

  private get file(): string {
    return path.join(this.options.dataDir, QUEUE_FILE);
  }

  async read(): Promise<SignInQueue> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => null);
    if (text === null) return EMPTY;
    let parsed: ReturnType<typeof SignInQueueSchema.safeParse>;
    try {
      parsed = SignInQueueSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = SignInQueueSchema.safeParse(null);
    }
    if (!parsed.success) {
      this.options.log.warn('The sign-in queue file was unreadable; the queue starts empty');
      return EMPTY;
    }
    return withoutRemovedTenants(parsed.data, new Set(await this.options.tenantIds()));
  }

  /** Keeps the queue; one larger than the limit is refused and the file keeps the last one kept. */
  async write(queue: SignInQueue): Promise<void> {
    const text = JSON.stringify(queue);
    const max = this.options.maxChars ?? MAX_QUEUE_CHARS;
    if (text.length > max) {
      throw new AppFailure(
        'invalid_input',
        `The sign-in queue is too large to keep (over ${sizeText(max)}), so it was not saved: it goes on until the app closes.`,
      );
    }
    await fs.mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${text}\n`, 0o600);
  }
}
