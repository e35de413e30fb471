// The sign-in queue on disk (sign-in-queue.json in the data folder), so a queue of re-authentications
// or an import survives closing the app. It holds plan data only, never a secret; a removed tenant's
// items are dropped when it is read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SignInQueueSchema, type SignInQueue } from '../../../common/contract';
import { withoutRemovedTenants } from '../../../common/sign-in-queue';
import type { Logger } from '../ports';
import { writeFileAtomic } from '../storage/atomic-file';

export const QUEUE_FILE = 'sign-in-queue.json';

const EMPTY: SignInQueue = { items: [], current: null };

export interface SignInQueueFileOptions {
  dataDir: string;
  /** The ids of the tenants that exist now. */
  tenantIds(): Promise<string[]>;
  log: Logger;
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

  async write(queue: SignInQueue): Promise<void> {
    await fs.mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify(queue)}\n`, 0o600);
  }
}
