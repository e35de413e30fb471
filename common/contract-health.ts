// The health domain of the contract: every instance's last check across tenants, the runs, live
// progress, export, and the 'health.*' channels.
import { z } from './zod';
import { channel, none, TenantId } from './contract-base';
import { healthOutcomes } from './contract-lists';

export { healthOutcomes };

// ── health ──────────────────────────────────────────────────────────────────────────────────
export const HealthOutcomeSchema = z.enum(healthOutcomes);
export type { HealthOutcome } from './contract-lists';

/** One instance's last check; never a token or secret. Times are epoch ms. */
export const HealthResultSchema = z.object({
  instanceId: z.number(),
  instanceName: z.string(),
  elementKey: z.string(),
  outcome: HealthOutcomeSchema,
  message: z.string(),
  status: z.optional(z.number()),
  requestId: z.optional(z.string()),
  checkedAt: z.number(),
  lastSuccessAt: z.nullable(z.number()),
  failingSince: z.nullable(z.number()),
});
export type HealthResult = z.infer<typeof HealthResultSchema>;

/** Why a whole tenant could not be checked (its secrets refused, its platform unreachable…). */
export const HealthProblemSchema = z.object({
  outcome: HealthOutcomeSchema,
  message: z.string(),
  requestId: z.optional(z.string()),
});

export const HealthRunSummarySchema = z.object({
  startedAt: z.number(),
  finishedAt: z.number(),
  checked: z.number(),
  total: z.number(),
  failing: z.number(),
  cancelled: z.boolean(),
});
export type HealthRunSummary = z.infer<typeof HealthRunSummarySchema>;

export const HealthTenantBoardSchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  color: z.nullable(z.string()),
  /** Newest first; the first is the last run. */
  runs: z.array(HealthRunSummarySchema),
  problem: z.nullable(HealthProblemSchema),
  results: z.array(HealthResultSchema),
});
export type HealthTenantBoard = z.infer<typeof HealthTenantBoardSchema>;

export const HealthBoardSchema = z.object({
  tenants: z.array(HealthTenantBoardSchema),
  running: z.boolean(),
});
export type HealthBoard = z.infer<typeof HealthBoardSchema>;

export const HealthRunSchema = z.object({
  /** Tenant ids or names; 'all' for every tenant. */
  tenants: z.union([
    z.array(TenantId).check(z.minLength(1, 'Pick at least one tenant.'), z.maxLength(1000)),
    z.literal('all'),
  ]),
  perTenant: z.optional(z.int().check(z.gte(1), z.lte(64))),
  total: z.optional(z.int().check(z.gte(1), z.lte(256))),
});
export type HealthRun = z.input<typeof HealthRunSchema>;

export const HealthProgressSchema = z.object({
  checked: z.number(),
  total: z.number(),
  failing: z.number(),
  /** Tenants whose instance list is still to come: total can still grow. */
  tenantsLeft: z.number(),
  startedAt: z.number(),
  /** Estimated ms left, null until something was checked. */
  etaMs: z.nullable(z.number()),
  done: z.boolean(),
});
export type HealthProgress = z.infer<typeof HealthProgressSchema>;

export const HealthExportSchema = z.object({
  format: z.enum(['csv', 'json']),
  /** Only these tenants' results; all when absent or empty. */
  tenantIds: z.optional(z.array(TenantId).check(z.maxLength(1000))),
  /** Only these outcomes; all when absent or empty. */
  outcomes: z.optional(z.array(HealthOutcomeSchema).check(z.maxLength(healthOutcomes.length))),
});
export type HealthExport = z.input<typeof HealthExportSchema>;

export const healthChannels = {
  /** The stored results of every tenant: the last run, its time, last success and failing since. */
  'health.board': channel(none, HealthBoardSchema),
  /** Checks every instance of the chosen tenants; resolves with the board when done or cancelled. */
  'health.run': channel(HealthRunSchema, HealthBoardSchema),
  /** Stops new requests at once; the running health.run resolves with what was checked. */
  'health.cancel': channel(none, z.null()),
  /** Main asks where to save (cancelled when the user does not choose) and writes CSV or JSON. */
  'health.export': channel(HealthExportSchema, z.object({ path: z.string(), count: z.number() })),
};
