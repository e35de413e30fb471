// The tenants metadata file (tenants.json in the data folder): non-secret records of tenants and
// saved OAuth apps, written atomically with a schema version. An unreadable file is moved aside.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from '../../../common/zod';
import { TenantEnvironmentSchema } from '../../../common/contract';
import { AppFailure } from '../errors';
import type { Clock, Logger } from '../ports';
import { writeFileAtomic } from '../storage/atomic-file';
import { withFolderLock } from '../storage/folder-lock';
import { accountsOfRecords } from './secret-accounts';

export const METADATA_FILE_NAME = 'tenants.json';
export const SCHEMA_VERSION = 1;

const TenantRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  environment: TenantEnvironmentSchema,
  baseUrl: z.string().check(z.minLength(1)),
  color: z.nullable(z.string()),
  orgSecretHint: z.string(),
  userSecretHint: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The last check of the stored secrets; absent until the first, and again after a rotation or a move. */
  check: z.optional(
    z.object({
      state: z.enum(['verified', 'refused', 'unreachable']),
      checkedAt: z.number(),
      message: z.string(),
    }),
  ),
});

const OAuthAppRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  tenantId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  clientId: z.string().check(z.minLength(1)),
  callbackUrl: z.string().check(z.minLength(1)),
  scope: z.nullable(z.string()),
  clientSecretHint: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** Where a tenant's secrets live when not in this computer's keychain: a team `pass` store. */
const SecretHomeSchema = z.object({
  kind: z.literal('pass'),
  dir: z.string().check(z.minLength(1)),
  entry: z.string().check(z.minLength(1)),
});

const MetadataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  activeTenantId: z.nullable(z.string()),
  tenants: z.array(TenantRecordSchema),
  oauthApps: z.array(OAuthAppRecordSchema),
  /** Every keychain account this app may have written (so none is found by enumerating secrets). */
  secretAccounts: z.optional(z.array(z.string())),
  /** Export files being written: their temp files are removed if the writer died. */
  exportsInProgress: z._default(z.array(z.string()), []),
  /** Tenants whose secrets live in a team store, by tenant id; the others use the keychain. */
  secretHomes: z._default(z.record(z.string(), SecretHomeSchema), {}),
});

export type TenantRecord = z.infer<typeof TenantRecordSchema>;
export type OAuthAppRecord = z.infer<typeof OAuthAppRecordSchema>;
export type SecretHome = z.infer<typeof SecretHomeSchema>;
export type Metadata = Omit<z.infer<typeof MetadataSchema>, 'secretAccounts'> & { secretAccounts: string[] };

export interface TenantRegistryOptions {
  dataDir: string;
  clock: Clock;
  log: Logger;
  /** Told, in plain words, that an unreadable file was moved aside and the list starts empty. */
  onRecovered(message: string): void;
}

const emptyMetadata = (): Metadata => ({
  schemaVersion: SCHEMA_VERSION,
  activeTenantId: null,
  tenants: [],
  oauthApps: [],
  secretAccounts: [],
  exportsInProgress: [],
  secretHomes: {},
});

const errorCode = (error: unknown) =>
  error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown error';

export class TenantRegistry {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();
  private homes: { key: string; homes: Metadata['secretHomes'] } | undefined;

  constructor(private readonly options: TenantRegistryOptions) {
    this.file = path.join(options.dataDir, METADATA_FILE_NAME);
  }

  /** The metadata now: empty when there is no file yet (or it was unreadable and moved aside). */
  read(): Promise<Metadata> {
    return this.serial(() => this.load());
  }

  /**
   * Where tenants keep their secrets, read outside the queue (the secret stores ask while a change
   * holds it; writes are atomic, so this never sees half a file) and again only when the file changed:
   * every secret lookup asks.
   */
  async secretHomes(): Promise<Metadata['secretHomes']> {
    const stat = await fs.stat(this.file).catch(() => null);
    const key = stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : 'none';
    if (this.homes?.key !== key) this.homes = { key, homes: (await this.load()).secretHomes };
    return this.homes.homes;
  }

  /**
   * Reads, lets `change` edit the data in place, then writes it atomically, all under the data
   * folder's lock: changes of this and every other process run one after another; when `change`
   * throws, nothing is written.
   */
  update<T>(change: (data: Metadata) => T | Promise<T>): Promise<T> {
    return this.serial(() =>
      withFolderLock(this.options.dataDir, METADATA_FILE_NAME, async () => {
        const data = await this.load();
        const result = await change(data);
        await this.write(data);
        return result;
      }),
    );
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Metadata> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return emptyMetadata();
      return this.moveAside(`could not be read (${errorCode(error)})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.moveAside('is damaged (it is not valid JSON)');
    }
    const version =
      json && typeof json === 'object' && 'schemaVersion' in json ? json.schemaVersion : undefined;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new AppFailure(
        'metadata_unreadable',
        `The tenants file ${this.file} was written by a newer version of Element Authenticator. ` +
          'Update the app to use it; the file was left untouched.',
      );
    }
    const parsed = MetadataSchema.safeParse(json);
    if (!parsed.success) return this.moveAside('is damaged (its content is not what the app expects)');
    const data = {
      ...parsed.data,
      secretAccounts: parsed.data.secretAccounts ?? accountsOfRecords(parsed.data),
    };
    if (data.activeTenantId && !data.tenants.some((tenant) => tenant.id === data.activeTenantId))
      data.activeTenantId = null;
    return data;
  }

  private async moveAside(reason: string): Promise<Metadata> {
    const stamp = new Date(this.options.clock.now()).toISOString().replace(/[:.]/g, '-');
    const target = await this.freeName(`${this.file}.corrupt-${stamp}`);
    try {
      await fs.rename(this.file, target);
    } catch (error) {
      throw new AppFailure(
        'metadata_unreadable',
        `The tenants file ${this.file} ${reason} and could not be moved aside (${errorCode(error)}). ` +
          'Move or delete it yourself, then try again.',
      );
    }
    this.options.log.warn('Tenants file moved aside', { reason, movedTo: target });
    this.options.onRecovered(
      `The tenants file ${reason}, so it was moved aside to ${target} and the app goes on with an empty tenant list. ` +
        'Nothing else was changed: add your tenants again; the old file stays there for reference.',
    );
    return emptyMetadata();
  }

  private async freeName(candidate: string): Promise<string> {
    for (let n = 0; ; n += 1) {
      const name = n === 0 ? candidate : `${candidate}-${n}`;
      try {
        await fs.lstat(name);
      } catch {
        return name;
      }
    }
  }

  private async write(data: Metadata): Promise<void> {
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
    } catch (error) {
      throw new AppFailure(
        'metadata_unwritable',
        `Could not save the tenants file ${this.file} (${errorCode(error)}). Check that the folder is writable.`,
      );
    }
  }
}
