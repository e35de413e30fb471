// Reading the activity log: a tenant's entries (filtered, newest first) with the state of its hash
// chain, a CSV of them, and finding the log of a tenant by name even after the tenant was removed.
import type { ActivityFilter, ActivityList, TenantList } from '../../../common/contract';
import { AppFailure } from '../errors';
import { suggestedExportName } from '../instances/export-document';
import type { Clock } from '../ports';
import { writeFileAtomic } from '../storage/atomic-file';
import { activeTenant, sameName } from '../tenants/tenant-records';
import { withFolderLock } from '../storage/folder-lock';
import { activityFolder, loggedTenantIds, tenantLogNames } from './activity-files';
import { readActivity, type ActivityRead } from './activity-chain';
import { activityCsv } from './activity-csv';

export interface ActivityServiceOptions {
  dataDir: string;
  clock: Clock;
  tenants: { list(): Promise<TenantList> };
}

export class ActivityService {
  private readonly dir: string;

  constructor(private readonly options: ActivityServiceOptions) {
    this.dir = activityFolder(options.dataDir);
  }

  /** The filter's tenant may also be a name, or absent for the active tenant (the CLI). */
  async list(filter: Omit<ActivityFilter, 'tenantId'> & { tenantId?: string }): Promise<ActivityList> {
    const { tenantId, tenantName } = await this.tenantOf(filter.tenantId);
    const { lines, chain } = await this.read(tenantId);
    const since = filter.since;
    const entries = lines
      .filter((line) => filter.action === undefined || line.action === filter.action)
      .filter((line) => filter.instanceId === undefined || line.instanceId === filter.instanceId)
      .filter((line) => since === undefined || Date.parse(line.time) >= since)
      .map(({ prev: _prev, ...entry }) => entry)
      .reverse();
    return { tenantId, tenantName, entries, chain };
  }

  /**
   * The tenant a log belongs to: a tenant of the app (id or name; the active one when absent), or a
   * removed tenant whose log was kept.
   */
  async tenantOf(idOrName?: string): Promise<{ tenantId: string; tenantName: string }> {
    const list = await this.options.tenants.list();
    if (idOrName === undefined) {
      const active = activeTenant(list);
      return { tenantId: active.id, tenantName: active.name };
    }
    const known =
      list.tenants.find((tenant) => tenant.id === idOrName) ??
      list.tenants.find((tenant) => sameName(tenant.name, idOrName));
    if (known) return { tenantId: known.id, tenantName: known.name };
    for (const tenantId of await loggedTenantIds(this.dir)) {
      const last = (await this.read(tenantId)).lines.at(-1);
      if (tenantId === idOrName || (last && sameName(last.tenantName, idOrName))) {
        return { tenantId, tenantName: last?.tenantName ?? tenantId };
      }
    }
    throw new AppFailure(
      'tenant_not_found',
      `There is no tenant “${idOrName}” and no activity log kept for one.`,
    );
  }

  /** The file name to suggest for a CSV export of the tenant's activity. */
  async exportName(tenantId: string): Promise<{ tenantName: string; defaultName: string }> {
    const { tenantName } = await this.tenantOf(tenantId);
    const at = new Date(this.options.clock.now());
    return { tenantName, defaultName: suggestedExportName(tenantName, at, 'activity', 'csv') };
  }

  /** Writes the filtered entries as CSV (owner-only); returns how many. */
  async exportCsv(filter: ActivityFilter, file: string): Promise<number> {
    const { entries } = await this.list(filter);
    try {
      await writeFileAtomic(file, activityCsv(entries));
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
      throw new AppFailure(
        'export_unwritable',
        `The activity could not be written to ${file}${reason}. Choose another folder.`,
      );
    }
    return entries.length;
  }

  /** Reads under the writers' lock: a reader never sees a line half written or a file mid-rotation. */
  private read(tenantId: string): Promise<ActivityRead> {
    return withFolderLock(this.dir, tenantLogNames(tenantId).current, () => readActivity(this.dir, tenantId));
  }
}
