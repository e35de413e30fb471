// The app's import plans: an export file, or instances read from another tenant, planned against the
// target's instances. Main keeps each plan's document (it may hold secrets); the view carries none.
import { randomUUID } from '../lazy-crypto';
import { promises as fs } from 'node:fs';
import type { ImportItem, ImportPlanView } from '../../../common/contract';
import { AppFailure } from '../errors';
import type { TenantResolver } from '../tenants/tenant-context';
import { EXPORT_FORMAT } from './export-document';
import { buildImportPlan, parseImportDocument, renameCollisions, type ImportDocument } from './import-plan';
import type { InstanceService } from './instance-service';

export interface ImportServiceOptions {
  tenants: TenantResolver;
  instances: InstanceService;
}

interface OpenPlan {
  document: ImportDocument;
  targetTenantId: string;
}

/** The most an export file may weigh (about 250,000 instances). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Plans kept open for renaming; an older one is made again from its source. */
const OPEN_PLANS = 5;

export class ImportService {
  private readonly plans = new Map<string, OpenPlan>();

  constructor(private readonly options: ImportServiceOptions) {}

  /** The plan of an export file onto the target tenant. */
  async planFromFile(file: string, targetTenantId: string): Promise<ImportPlanView> {
    const size = await fs.stat(file).then(
      (stat) => stat.size,
      () => {
        throw new AppFailure('invalid_input', `${file} could not be read: choose the export file again.`);
      },
    );
    if (size > MAX_FILE_BYTES) {
      throw new AppFailure(
        'invalid_input',
        `${file} is larger than 512 MB: it is not an export of this app.`,
      );
    }
    const text = await fs.readFile(file, 'utf8');
    return this.open(parseImportDocument(text), targetTenantId);
  }

  /** The plan of some instances of one tenant onto another ("Copy to tenant…"). */
  async planFromTenant(
    sourceTenantId: string,
    ids: number[],
    targetTenantId: string,
  ): Promise<ImportPlanView> {
    const [source, target] = await Promise.all([
      this.options.tenants.resolve(sourceTenantId),
      this.options.tenants.resolve(targetTenantId),
    ]);
    if (source.tenantId === target.tenantId) {
      throw new AppFailure(
        'invalid_input',
        `The instances are already on ${target.tenantName}: choose another tenant to copy them to.`,
      );
    }
    // Read as an export (redacted, and in the activity log: instances left this tenant for another).
    const stream = await this.options.instances.export(
      ids,
      false,
      source.tenantId,
      `copy to ${target.tenantName}`,
    );
    const instances: ImportDocument['instances'] = [];
    for await (const { element, ...instance } of stream.instances) {
      instances.push({ ...instance, ...(element?.key ? { element: { ...element, key: element.key } } : {}) });
    }
    const document = { format: EXPORT_FORMAT, tenant: { name: source.tenantName }, instances } as const;
    return this.open(document, target.tenantId);
  }

  /** The open plan again with other target names. */
  async replan(planId: string, renames: Record<string, string>): Promise<ImportPlanView> {
    const plan = this.plans.get(planId);
    if (!plan) {
      throw new AppFailure('invalid_input', 'This import plan is no longer open: open the export again.');
    }
    return this.view(planId, plan, renames);
  }

  private async open(document: ImportDocument, targetTenantId: string): Promise<ImportPlanView> {
    const planId = randomUUID();
    const plan = { document, targetTenantId };
    const view = await this.view(planId, plan, {});
    this.plans.set(planId, plan);
    for (const old of [...this.plans.keys()].slice(0, -OPEN_PLANS)) this.plans.delete(old);
    return view;
  }

  private async view(
    planId: string,
    plan: OpenPlan,
    renames: Record<string, string>,
  ): Promise<ImportPlanView> {
    const list = await this.options.instances.list(plan.targetTenantId);
    const existing = list.instances.map(({ id, name, elementKey }) => ({ id, name, elementKey }));
    const byId = Object.fromEntries(Object.entries(renames).map(([id, name]) => [Number(id), name]));
    const { sourceTenant, items } = buildImportPlan(plan.document, existing, { renames: byId });
    const free = renameCollisions(plan.document, existing).renames ?? {};
    const withFreeName = (item: ImportItem): ImportItem => {
      const name = free[item.sourceId];
      return item.action === 'skip' && name && name !== item.targetName ? { ...item, freeName: name } : item;
    };
    return {
      planId,
      sourceTenant,
      targetTenantId: list.tenantId,
      targetTenantName: list.tenantName,
      items: items.map(withFreeName),
    };
  }
}
