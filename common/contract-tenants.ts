// The tenants domain of the contract: tenant and saved OAuth app views, the add/update/switch
// inputs, verification, and the 'tenants.*' channels.
import { z } from './zod';
import {
  CallbackUrl,
  channel,
  ErrorCodeSchema,
  none,
  ruled,
  SecretHint,
  SecretInput,
  TenantId,
} from './contract-base';
import { teamStoreDirProblem, teamStoreEntryProblem, tenantNameProblem } from './field-rules';

// ── tenants ─────────────────────────────────────────────────────────────────────────────────
export const tenantEnvironments = ['us', 'eu', 'staging', 'custom'] as const;
export const TenantEnvironmentSchema = z.enum(tenantEnvironments);
export type TenantEnvironment = z.infer<typeof TenantEnvironmentSchema>;

const TenantName = z.string().check(z.trim(), z.superRefine(ruled(tenantNameProblem)));
const TenantColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'A colour looks like #1c7ed6.'));

/** The tenant's last check of its secrets (one GET /instances); 'not-checked' until the first. */
export const tenantCheckStates = ['verified', 'refused', 'unreachable', 'not-checked'] as const;
export const TenantCheckSchema = z.object({
  state: z.enum(tenantCheckStates),
  /** Epoch ms of the last check; null when not checked yet. */
  checkedAt: z.nullable(z.number()),
  /** The check's outcome in one sentence; null when not checked yet. */
  message: z.nullable(z.string()),
});
export type TenantCheck = z.infer<typeof TenantCheckSchema>;

/** A folder of entries in a team's `pass` store, e.g. customers/acme. */
const TeamStoreEntry = z.string().check(z.trim(), z.superRefine(ruled(teamStoreEntryProblem)));

/** Where a tenant's secrets live when a team shares them: a `pass` store's folder and the entry path. */
export const TeamStoreRefSchema = z.object({
  dir: z.string().check(z.trim(), z.superRefine(ruled(teamStoreDirProblem))),
  entry: TeamStoreEntry,
});
export type TeamStoreRef = z.infer<typeof TeamStoreRefSchema>;

/**
 * A tenant shared with a teammate (`element-auth tenant share`): what to set it up with and where
 * its secrets are in the team's store, never a secret. The store's folder is each computer's own.
 */
export const TENANT_SHARE_FORMAT = 'element-authenticator/tenant@1';
export const TenantShareSchema = z.object({
  format: z.literal(TENANT_SHARE_FORMAT),
  name: TenantName,
  environment: TenantEnvironmentSchema,
  baseUrl: z.string().check(z.maxLength(2000)),
  color: z.nullable(TenantColor),
  teamStore: z.object({ kind: z.literal('pass'), entry: TeamStoreEntry }),
  oauthApps: z
    .array(
      z.object({
        id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
        name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        clientId: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
        callbackUrl: z.string().check(z.maxLength(2000)),
        scope: z.nullable(z.string().check(z.maxLength(2000))),
      }),
    )
    .check(z.maxLength(200)),
});
export type TenantShare = z.infer<typeof TenantShareSchema>;

export const TenantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: TenantEnvironmentSchema,
  baseUrl: z.string(),
  color: z.nullable(TenantColor),
  orgSecretHint: SecretHint,
  userSecretHint: SecretHint,
  check: TenantCheckSchema,
  /** Set when the secrets live in a team password store instead of this computer's keychain. */
  teamStore: z.optional(TeamStoreRefSchema),
});
export type TenantView = z.infer<typeof TenantViewSchema>;

export const OAuthAppViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  clientId: z.string(),
  callbackUrl: z.string(),
  scope: z.nullable(z.string()),
  clientSecretHint: SecretHint,
});
export type OAuthAppView = z.infer<typeof OAuthAppViewSchema>;

export const TenantListSchema = z.object({
  tenants: z.array(TenantViewSchema),
  activeTenantId: z.nullable(z.string()),
  oauthApps: z.array(OAuthAppViewSchema),
  /** A plain-words warning for the user, e.g. the metadata file was unreadable and moved aside. */
  notice: z.nullable(z.string()),
});
export type TenantList = z.infer<typeof TenantListSchema>;

export const TenantAddSchema = z.object({
  name: TenantName,
  environment: TenantEnvironmentSchema,
  /** Only for the 'custom' environment. */
  customUrl: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  color: z.optional(z.nullable(TenantColor)),
  orgSecret: SecretInput.check(z.minLength(1, 'Enter the organization secret.')),
  userSecret: SecretInput.check(z.minLength(1, 'Enter the user secret.')),
  /** Absent: this computer's keychain. */
  teamStore: z.optional(TeamStoreRefSchema),
});
export type TenantAdd = z.input<typeof TenantAddSchema>;

export const TenantUpdateSchema = z.object({
  id: TenantId,
  name: z.optional(TenantName),
  environment: z.optional(TenantEnvironmentSchema),
  customUrl: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  color: z.optional(z.nullable(TenantColor)),
  /** Empty or absent: keep the stored secret. */
  orgSecret: z.optional(SecretInput),
  userSecret: z.optional(SecretInput),
});
export type TenantUpdate = z.input<typeof TenantUpdateSchema>;

export const TenantVerificationSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  code: z.optional(ErrorCodeSchema),
});
export type TenantVerification = z.infer<typeof TenantVerificationSchema>;

export const OAuthAppSaveSchema = z.object({
  /** Absent: a new app. */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Absent: the active tenant. */
  tenantId: z.optional(TenantId),
  name: z.string().check(z.trim(), z.minLength(1, 'Give the OAuth app a name.'), z.maxLength(80)),
  clientId: z.string().check(z.trim(), z.minLength(1, 'Enter the client id.'), z.maxLength(500)),
  /** Required for a new app; empty or absent on an edit keeps the stored one. */
  clientSecret: z.optional(SecretInput),
  callbackUrl: CallbackUrl,
  scope: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});
export type OAuthAppSave = z.input<typeof OAuthAppSaveSchema>;

const TenantSwitchSchema = z.object({
  id: TenantId,
  /** Without it a pending flow makes the call fail with flow_pending, so the UI can ask first. */
  abandonPendingFlow: z.optional(z.boolean()),
});

export const TenantRemoveSchema = z.extend(TenantSwitchSchema, {
  /** false deletes the tenant's activity log too; absent or true keeps it. */
  keepActivity: z.optional(z.boolean()),
});

export const tenantChannels = {
  'tenants.list': channel(none, TenantListSchema),
  'tenants.add': channel(TenantAddSchema, TenantViewSchema),
  'tenants.update': channel(TenantUpdateSchema, TenantViewSchema),
  /** Removes the tenant and every keychain item it owns: secrets, OAuth apps, instance tokens. */
  'tenants.remove': channel(TenantRemoveSchema, TenantListSchema),
  'tenants.use': channel(TenantSwitchSchema, TenantListSchema),
  /** A cheap platform call (GET /instances) with the stored secrets; the outcome becomes the tenant's check. */
  'tenants.verify': channel(z.object({ id: TenantId }), TenantVerificationSchema),
  /** Main writes the secret to the clipboard; it never crosses IPC. */
  'tenants.copySecret': channel(z.object({ id: TenantId, which: z.enum(['org', 'user']) }), z.null()),
  'tenants.dismissNotice': channel(none, TenantListSchema),
  'tenants.listOAuthApps': channel(
    z.optional(z.object({ tenantId: z.optional(TenantId) })),
    z.array(OAuthAppViewSchema),
  ),
  'tenants.saveOAuthApp': channel(OAuthAppSaveSchema, OAuthAppViewSchema),
  'tenants.removeOAuthApp': channel(
    z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
    TenantListSchema,
  ),
  /** Main asks where to save the shared-tenant file (no secret in it) and writes it. */
  'tenants.share': channel(z.object({ id: TenantId }), z.object({ path: z.string() })),
  /** A teammate's shared-tenant file (its text) joined with this computer's copy of the store. */
  'tenants.join': channel(
    z.object({
      document: z.string().check(z.minLength(1, 'Paste the shared tenant file.'), z.maxLength(200_000)),
      /** Empty: PASSWORD_STORE_DIR, else ~/.password-store. */
      dir: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
    }),
    TenantViewSchema,
  ),
};
