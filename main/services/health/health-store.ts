// The health results file (health.json in the data folder): per tenant the last runs, the tenant's
// problem and each instance's last check. Merged under the folder lock, written atomically; no secrets.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from '../../../common/zod';
import {
  HealthProblemSchema,
  HealthResultSchema,
  HealthRunSummarySchema,
  type HealthResult,
  type HealthRunSummary,
} from '../../../common/contract';
import { writeFileAtomic } from '../storage/atomic-file';
import { withFolderLock } from '../storage/folder-lock';
import type { Logger } from '../ports';

export const HEALTH_FILE = 'health.json';
const FORMAT = 'element-authenticator/health@1';
/** Runs kept per tenant. */
export const RUNS_KEPT = 10;

const TenantHealthSchema = z.object({
  runs: z.array(HealthRunSummarySchema),
  problem: z.nullable(HealthProblemSchema),
  results: z.array(HealthResultSchema),
});
export type TenantHealth = z.infer<typeof TenantHealthSchema>;

const HealthFileSchema = z.object({
  format: z.literal(FORMAT),
  tenants: z.record(z.string(), TenantHealthSchema),
});
type HealthFile = z.infer<typeof HealthFileSchema>;

/** What one run learnt about one tenant. */
export interface TenantRunRecord {
  tenantId: string;
  run: HealthRunSummary;
  problem: TenantHealth['problem'];
  /** The instances the platform listed; null when the list could not be read (earlier results stay). */
  listed: number[] | null;
  /** Fresh checks, without lastSuccessAt / failingSince: the merge carries those on. */
  checked: Omit<HealthResult, 'lastSuccessAt' | 'failingSince'>[];
}

/** Carries "last success" and "failing since" from the previous result to the new one. */
function carried(fresh: TenantRunRecord['checked'][number], previous?: HealthResult): HealthResult {
  const ok = fresh.outcome === 'valid';
  return {
    ...fresh,
    lastSuccessAt: ok ? fresh.checkedAt : (previous?.lastSuccessAt ?? null),
    failingSince: ok ? null : (previous?.failingSince ?? fresh.checkedAt),
  };
}

export function mergeTenantRun(previous: TenantHealth | undefined, record: TenantRunRecord): TenantHealth {
  const before = new Map((previous?.results ?? []).map((result) => [result.instanceId, result]));
  const fresh = new Map(record.checked.map((result) => [result.instanceId, result]));
  const ids = record.listed ?? [...before.keys()];
  const results = ids.flatMap((id) => {
    const now = fresh.get(id);
    const earlier = before.get(id);
    if (now) return [carried(now, earlier)];
    return earlier ? [earlier] : [];
  });
  return {
    runs: [record.run, ...(previous?.runs ?? [])].slice(0, RUNS_KEPT),
    problem: record.problem,
    results,
  };
}

export class HealthStore {
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {
    this.file = path.join(dataDir, HEALTH_FILE);
  }

  /** Every tenant's stored health; an unreadable file counts as empty (it is only a record of checks). */
  async read(): Promise<Record<string, TenantHealth>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log.warn('Health results unreadable', { code: (error as NodeJS.ErrnoException).code });
      return {};
    }
    const parsed = HealthFileSchema.safeParse(this.parse(text));
    if (!parsed.success) {
      this.log.warn('Health results file not understood; starting afresh');
      return {};
    }
    return parsed.data.tenants;
  }

  /** Folds one tenant's run into the file, under the folder lock, so app and CLI runs both land. */
  save(record: TenantRunRecord): Promise<void> {
    return withFolderLock(this.dataDir, HEALTH_FILE, async () => {
      const tenants = await this.read();
      tenants[record.tenantId] = mergeTenantRun(tenants[record.tenantId], record);
      const data: HealthFile = { format: FORMAT, tenants };
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
    });
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
}
