// `doctor`: finds what a crash or a keychain failure left behind (indexed keychain items of no
// tenant, tenants whose secrets are gone, stale temp files) and, when asked, repairs what it can.
import { promises as fs } from 'node:fs';
import type { ExportFiles } from '../instances/export-files';
import type { EventSink } from '../ports';
import { staleTempFiles } from '../storage/atomic-file';
import { isKeychainFailure } from '../tenants/keychain-failures';
import { secretAccounts } from '../tenants/secret-accounts';
import { unindexAccounts, type IndexedSecretStore } from '../tenants/secret-index';
import type { Metadata } from '../tenants/tenant-registry';

export interface DoctorOptions {
  dataDir: string;
  keychain: IndexedSecretStore;
  exports: ExportFiles;
  events: EventSink;
}

export interface TenantMissingSecrets {
  id: string;
  name: string;
  missing: string[];
}

export interface DoctorReport {
  /** Indexed keychain accounts whose tenant or OAuth app is gone. */
  orphanAccounts: string[];
  tenantsMissingSecrets: TenantMissingSecrets[];
  /** Temp files of killed writers: in the data folder, and of exports (they may hold tokens). */
  staleTempFiles: string[];
}

export interface DoctorRepair {
  deletedAccounts: string[];
  removedFiles: string[];
  /** What is left for a person to do (enter secrets again), in sentences. */
  remaining: string[];
}

/** True when the account belongs to no tenant or OAuth app of the metadata. */
function isOrphan(data: Metadata, account: string): boolean {
  const tenant = data.tenants.find((candidate) =>
    account.startsWith(secretAccounts.tenantPrefix(candidate.id)),
  );
  if (!tenant) return true;
  const app = /:oauth-app:(.+)$/.exec(account)?.[1];
  return (
    app !== undefined &&
    !data.oauthApps.some((candidate) => candidate.id === app && candidate.tenantId === tenant.id)
  );
}

export function describeMissing(tenant: TenantMissingSecrets): string {
  return (
    `Tenant “${tenant.name}” has no ${tenant.missing.join(' and no ')} in the keychain: enter ` +
    `${tenant.missing.length > 1 ? 'them' : 'it'} again in the tenant's settings, or remove the tenant and add it again.`
  );
}

export class Doctor {
  constructor(private readonly options: DoctorOptions) {}

  async check(): Promise<DoctorReport> {
    const { keychain } = this.options;
    const data = await keychain.registry.read();
    const tenantsMissingSecrets: TenantMissingSecrets[] = [];
    for (const tenant of data.tenants) {
      const missing: string[] = [];
      if ((await keychain.get(secretAccounts.orgSecret(tenant.id))) === null)
        missing.push('organization secret');
      if ((await keychain.get(secretAccounts.userSecret(tenant.id))) === null) missing.push('user secret');
      if (missing.length) tenantsMissingSecrets.push({ id: tenant.id, name: tenant.name, missing });
    }
    return {
      orphanAccounts: data.secretAccounts.filter((account) => isOrphan(data, account)),
      tenantsMissingSecrets,
      staleTempFiles: [
        ...(await staleTempFiles(this.options.dataDir)),
        ...(await this.options.exports.staleTempFiles()),
      ],
    };
  }

  /** Deletes orphan items (then their index entries) and stale temp files; checks again first. */
  async repair(): Promise<DoctorRepair> {
    const { keychain } = this.options;
    const deletedAccounts: string[] = [];
    await keychain.registry.update(async (data) => {
      try {
        for (const account of data.secretAccounts.filter((candidate) => isOrphan(data, candidate))) {
          await keychain.raw.delete(account);
          deletedAccounts.push(account);
        }
      } finally {
        unindexAccounts(data, deletedAccounts);
      }
    });
    const removedFiles = await staleTempFiles(this.options.dataDir);
    for (const file of removedFiles) await fs.rm(file, { force: true });
    removedFiles.push(...(await this.options.exports.removeStale()));
    const after = await this.check();
    return { deletedAccounts, removedFiles, remaining: after.tenantsMissingSecrets.map(describeMissing) };
  }

  /**
   * What the app runs at start: removes temp files of crashed exports (they may hold tokens), then
   * checks and tells the windows in one notice what it found; it repairs nothing else unasked.
   */
  async atStart(): Promise<DoctorReport | null> {
    const notice = (level: 'info' | 'warning' | 'error', message: string) =>
      this.options.events.emit('app.notice', { level, message });
    try {
      const removed = await this.options.exports.removeStale();
      if (removed.length)
        notice(
          'info',
          `Removed ${removed.length} unfinished export file(s) left by an export that was interrupted.`,
        );
      const report = await this.check();
      const lines = [
        ...report.tenantsMissingSecrets.map(describeMissing),
        ...(report.orphanAccounts.length
          ? [`${report.orphanAccounts.length} keychain item(s) of removed tenants are left over.`]
          : []),
        ...(report.staleTempFiles.length
          ? [`${report.staleTempFiles.length} stale temp file(s) are in the data folder.`]
          : []),
      ];
      if (lines.length)
        notice(
          'warning',
          `${lines.join(' ')} Run “element-auth doctor --repair” to clean up what can be cleaned.`,
        );
      return report;
    } catch (error) {
      if (!isKeychainFailure(error)) throw error;
      notice('warning', `The start-up check of the keychain was skipped: ${error.message}`);
      return null;
    }
  }
}
