// The activity domain of the contract: what the per-tenant activity log records, its entries, the
// chain check's verdict, and the 'activity.*' channels.
import { z } from './zod';
import { channel, InstanceId, TenantId } from './contract-base';
import { activityActions } from './contract-lists';

export { activityActions };

// ── activity ───────────────────────────────────────────────────────────────────────────────
export const ActivityActionSchema = z.enum(activityActions);
export type { ActivityAction } from './contract-lists';
export const ActivitySourceSchema = z.enum(['app', 'cli']);
export type ActivitySource = z.infer<typeof ActivitySourceSchema>;

const ActivityDetail = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.number())]);
export const ActivityEntrySchema = z.object({
  /** 1, 2, 3…: a gap says entries were removed. */
  seq: z.int().check(z.positive()),
  /** ISO 8601 time of the action. */
  time: z.string(),
  action: ActivityActionSchema,
  tenantId: z.string(),
  tenantName: z.string(),
  instanceId: z.optional(z.number()),
  instanceName: z.optional(z.string()),
  outcome: z.enum(['ok', 'failed']),
  /** The platform's request id, when it gave one. */
  requestId: z.optional(z.string()),
  source: ActivitySourceSchema,
  /** Names, ids, counts and choices: never a secret, token, code or client secret. */
  details: z.record(z.string(), ActivityDetail),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

export const ActivityChainSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    /** The log file (name in the data folder's activity folder) and its 1-based line. */
    brokenAt: z.object({ file: z.string(), line: z.number() }),
    message: z.string(),
  }),
]);
export type ActivityChain = z.infer<typeof ActivityChainSchema>;

export const ActivityFilterSchema = z.object({
  tenantId: TenantId,
  action: z.optional(ActivityActionSchema),
  instanceId: z.optional(InstanceId),
  /** Epoch ms: only entries at or after it. */
  since: z.optional(z.number()),
});
export type ActivityFilter = z.input<typeof ActivityFilterSchema>;

export const ActivityListSchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  /** Newest first. */
  entries: z.array(ActivityEntrySchema),
  chain: ActivityChainSchema,
});
export type ActivityList = z.infer<typeof ActivityListSchema>;

export const activityChannels = {
  /** A tenant's activity, newest first, and whether its hash chain is intact (where it breaks if not). */
  'activity.list': channel(ActivityFilterSchema, ActivityListSchema),
  /** Main asks where to save (cancelled when the user does not choose) and writes the filtered entries as CSV. */
  'activity.export': channel(ActivityFilterSchema, z.object({ path: z.string(), count: z.number() })),
};
