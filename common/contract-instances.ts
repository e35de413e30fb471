// The instances domain of the contract: summaries, the redacted detail, test, delete and export,
// and the 'instances.*' channels (each may name the tenant it acts on).
import { z } from './zod';
import { channel, ErrorCodeSchema, InstanceId, SecretHint, TenantId } from './contract-base';

// ── instances ───────────────────────────────────────────────────────────────────────────────
/** Every instance call may name the tenant whose list is shown, so a tenant switch cannot misdirect it. */
const InstanceRef = z.object({ id: InstanceId, tenantId: z.optional(TenantId) });

export const InstanceSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  elementKey: z.string(),
  createdDate: z.string(),
  valid: z.boolean(),
  disabled: z.boolean(),
  tags: z.array(z.string()),
});
export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;

export const InstanceListSchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  instances: z.array(InstanceSummarySchema),
});
export type InstanceList = z.infer<typeof InstanceListSchema>;

export const ConfigurationEntrySchema = z.object({
  key: z.string(),
  value: z.nullable(z.string()),
  secret: z.boolean(),
});
export type ConfigurationEntry = z.infer<typeof ConfigurationEntrySchema>;
export const InstanceDetailSchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  /** The instance as the platform returns it, every secret field redacted to "********" in main. */
  instance: z.record(z.string(), z.unknown()),
  configuration: z.array(ConfigurationEntrySchema),
  /** "••••EHU=" when there is a token to copy, '' when there is none. */
  tokenHint: SecretHint,
});
export type InstanceDetail = z.infer<typeof InstanceDetailSchema>;

export const InstanceTestSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** The platform's time from the ping's answer. */
  dateTime: z.optional(z.string()),
  code: z.optional(ErrorCodeSchema),
});
export type InstanceTest = z.infer<typeof InstanceTestSchema>;

export const InstanceExportSchema = z.object({
  ids: z.union([
    z.array(InstanceId).check(z.minLength(1, 'Select at least one instance.'), z.maxLength(100_000)),
    z.literal('all'),
  ]),
  includeSecrets: z.boolean(),
  tenantId: z.optional(TenantId),
});
export type InstanceExport = z.input<typeof InstanceExportSchema>;

export const InstanceExportResultSchema = z.object({
  path: z.string(),
  count: z.number(),
  secretsIncluded: z.boolean(),
});
export type InstanceExportResult = z.infer<typeof InstanceExportResultSchema>;

export const instanceChannels = {
  /** The tenant's instances (GET /instances) as summaries: no token crosses. */
  'instances.list': channel(z.optional(z.object({ tenantId: z.optional(TenantId) })), InstanceListSchema),
  'instances.get': channel(InstanceRef, InstanceDetailSchema),
  /** GET /hubs/crm/ping with the instance token: OK with the platform's time, or why not. */
  'instances.test': channel(InstanceRef, InstanceTestSchema),
  /** Deletes on the platform and the keychain token, once the typed name matches (confirmation_mismatch). */
  'instances.delete': channel(
    z.extend(InstanceRef, { confirmName: z.string().check(z.maxLength(500)) }),
    z.object({ id: z.number(), name: z.string() }),
  ),
  /** Main asks where to save (cancelled when the user does not choose) and writes the document. */
  'instances.export': channel(InstanceExportSchema, InstanceExportResultSchema),
  /** Main writes the token to the clipboard; it never crosses IPC. */
  'instances.copyToken': channel(InstanceRef, z.null()),
  /** Main writes the POST /instances body (no code, token or secret) to the clipboard. */
  'instances.copyCreateBody': channel(InstanceRef, z.null()),
};
