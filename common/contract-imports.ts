// The imports domain of the contract: the plan of recreating instances on another tenant (from an
// export file or straight from another tenant), and the one sign-in queue that walks through it.
import { z } from './zod';
import { channel, none, TenantId } from './contract-base';

// ── the import plan ─────────────────────────────────────────────────────────────────────────
/** Why a configuration key does not carry over: each comes back from the target's own sign-in. */
export const NotCarriedReasonSchema = z.enum(['secret', 'oauth-client', 'data-center', 'platform-managed']);
export type NotCarriedReason = z.infer<typeof NotCarriedReasonSchema>;

const Texts = z.record(z.string(), z.string());

/** One instance of the plan: only non-secret values, as the plan never carries a secret over. */
export const ImportItemSchema = z.object({
  /** The instance's id on the source tenant. */
  sourceId: z.int(),
  sourceName: z.string(),
  targetName: z.string(),
  elementKey: z.string(),
  tags: z.array(z.string()),
  /** The event.* keys that carry over (the signature key never does). */
  events: Texts,
  /** Every other non-secret configuration value that carries over. */
  configuration: Texts,
  notCarried: z.array(z.object({ key: z.string(), reason: NotCarriedReasonSchema })),
  action: z.enum(['create', 'skip']),
  /** Why an instance is skipped, in one sentence. */
  skipReason: z.optional(z.string()),
  /** A free name for an instance skipped over a name taken on the target ("Acme (2)"). */
  freeName: z.optional(z.string()),
});
export type ImportItem = z.infer<typeof ImportItemSchema>;

export const ImportPlanViewSchema = z.object({
  /** Names the plan in main (which keeps its document) for a new plan with other target names. */
  planId: z.string(),
  sourceTenant: z.string(),
  targetTenantId: z.string(),
  targetTenantName: z.string(),
  items: z.array(ImportItemSchema),
});
export type ImportPlanView = z.infer<typeof ImportPlanViewSchema>;

const TargetName = z
  .string()
  .check(z.trim(), z.minLength(1, 'Give every instance a name.'), z.maxLength(200));

export const ImportPlanInputSchema = z.object({
  targetTenantId: TenantId,
  /** An export file main asks for with its open dialog, or instances of another tenant. */
  source: z.discriminatedUnion('from', [
    z.object({ from: z.literal('file') }),
    z.object({
      from: z.literal('tenant'),
      tenantId: TenantId,
      ids: z
        .array(z.int().check(z.positive()))
        .check(z.minLength(1, 'Select at least one instance.'), z.maxLength(10_000)),
    }),
  ]),
});
export type ImportPlanInput = z.input<typeof ImportPlanInputSchema>;

export const ImportReplanSchema = z.object({
  planId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Target names by source id; the source name otherwise. */
  renames: z.record(z.string(), TargetName),
});
export type ImportReplan = z.input<typeof ImportReplanSchema>;

// ── the sign-in queue ───────────────────────────────────────────────────────────────────────
export const QueueStatusSchema = z.enum(['left', 'done', 'skipped', 'failed']);
export type QueueStatus = z.infer<typeof QueueStatusSchema>;

/** How an item ended: the new instance, or the failure with the platform's request id. */
const OutcomeSchema = z.object({
  instanceId: z.optional(z.int()),
  message: z.optional(z.string().check(z.maxLength(2000))),
  requestId: z.optional(z.string().check(z.maxLength(200))),
});

const QueueItemBase = z.object({
  tenantId: TenantId,
  tenantName: z.string(),
  status: QueueStatusSchema,
  outcome: z.optional(OutcomeSchema),
});

export const QueueItemSchema = z.discriminatedUnion('kind', [
  z.extend(QueueItemBase, {
    kind: z.literal('reauth'),
    instanceId: z.int().check(z.positive()),
    name: z.string(),
    elementKey: z.string(),
  }),
  z.extend(QueueItemBase, {
    kind: z.literal('import'),
    item: ImportItemSchema,
    /** The target's saved OAuth app chosen for the item's element; null: typed in the stepper. */
    oauthAppId: z.nullable(z.string()),
    sourceTenant: z.string(),
  }),
]);
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const SignInQueueSchema = z.object({
  items: z.array(QueueItemSchema).check(z.maxLength(10_000)),
  /** The item the stepper is on, or null between items. */
  current: z.nullable(z.int().check(z.nonnegative())),
});
export type SignInQueue = z.infer<typeof SignInQueueSchema>;

export const importChannels = {
  /** A plan for the target tenant: names checked against its instances, nothing created yet. */
  'imports.plan': channel(ImportPlanInputSchema, ImportPlanViewSchema),
  /** The same plan with other target names. */
  'imports.replan': channel(ImportReplanSchema, ImportPlanViewSchema),
};

export const queueChannels = {
  /** The queue as the app left it (it survives a restart); a removed tenant's items are gone. */
  'queue.get': channel(none, SignInQueueSchema),
  'queue.save': channel(SignInQueueSchema, z.null()),
};
