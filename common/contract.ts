// The one IPC contract between main and renderer: invoke channels with their zod schemas,
// push events, error codes and the result envelope. Main, preload, renderer and tests all read it.
import { z } from 'zod';

// ── Errors and the envelope ────────────────────────────────────────────────────────────────
export const errorCodes = [
  'invalid_input',
  'unknown_channel',
  'forbidden_sender',
  'internal',
  'keychain_unavailable',
  'metadata_unreadable',
  'no_active_tenant',
  'tenant_not_found',
  'tenant_exists',
  'oauth_app_not_found',
  'flow_pending',
  'insecure_url',
  'platform_bad_request',
  'platform_unauthorized',
  'platform_forbidden',
  'platform_not_found',
  'platform_conflict',
  'platform_unsupported_media',
  'platform_server_error',
  'platform_unreachable',
  'timeout',
  'response_lost',
  'consent_denied',
  'state_mismatch',
  'code_expired',
  'invalid_callback',
  'no_pending_flow',
  'cancelled',
  'instance_not_found',
  'confirmation_mismatch',
  'secret_missing',
  'metadata_unwritable',
  'oauth_app_exists',
  'export_unwritable',
  'health_running',
] as const;
export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z
    .object({
      status: z.number().optional(),
      requestId: z.string().optional(),
      platformMessage: z.string().optional(),
      providerMessage: z.string().optional(),
      vendorError: z.string().optional(),
      vendorErrorDescription: z.string().optional(),
      /** How long the platform asked us to wait (Retry-After on 429 and 503), in ms. */
      retryAfterMs: z.number().optional(),
    })
    .optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

const none = z.undefined();
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

// ── Shared shapes ───────────────────────────────────────────────────────────────────────────
/** A masked hint of a secret, e.g. "••••EHU=": the renderer never sees more. */
const SecretHint = z.string();
const HttpUrl = z.string().url();

// ── app ─────────────────────────────────────────────────────────────────────────────────────
export const AppInfoSchema = z.object({ name: z.string(), version: z.string(), platform: z.string() });
export const NoticeSchema = z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() });

const appChannels = {
  'app.info': channel(none, AppInfoSchema),
};

// ── tenants ─────────────────────────────────────────────────────────────────────────────────
export const tenantEnvironments = ['us', 'eu', 'staging', 'custom'] as const;
export const TenantEnvironmentSchema = z.enum(tenantEnvironments);
export type TenantEnvironment = z.infer<typeof TenantEnvironmentSchema>;

const TenantId = z.string().min(1).max(100);
const TenantName = z
  .string()
  .trim()
  .min(1, 'Give the tenant a name.')
  .max(80, 'Keep the name under 80 characters.');
const TenantColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour looks like #1c7ed6.');
/** A secret typed by the user: main stores it in the keychain and never sends it back. */
const SecretInput = z.string().trim().max(2000);
/** Where the vendor sends the user back: https, loopback http or element-auth://; checked in main. */
const CallbackUrl = z.string().trim().min(1).max(2000);

export const TenantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: TenantEnvironmentSchema,
  baseUrl: z.string(),
  color: TenantColor.nullable(),
  orgSecretHint: SecretHint,
  userSecretHint: SecretHint,
});
export type TenantView = z.infer<typeof TenantViewSchema>;

export const OAuthAppViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  clientId: z.string(),
  callbackUrl: z.string(),
  scope: z.string().nullable(),
  clientSecretHint: SecretHint,
});
export type OAuthAppView = z.infer<typeof OAuthAppViewSchema>;

export const TenantListSchema = z.object({
  tenants: z.array(TenantViewSchema),
  activeTenantId: z.string().nullable(),
  oauthApps: z.array(OAuthAppViewSchema),
  /** A plain-words warning for the user, e.g. the metadata file was unreadable and moved aside. */
  notice: z.string().nullable(),
});
export type TenantList = z.infer<typeof TenantListSchema>;

export const TenantAddSchema = z.object({
  name: TenantName,
  environment: TenantEnvironmentSchema,
  /** Only for the 'custom' environment. */
  customUrl: z.string().trim().max(2000).optional(),
  color: TenantColor.nullable().optional(),
  orgSecret: SecretInput.min(1, 'Enter the organization secret.'),
  userSecret: SecretInput.min(1, 'Enter the user secret.'),
});
export type TenantAdd = z.input<typeof TenantAddSchema>;

export const TenantUpdateSchema = z.object({
  id: TenantId,
  name: TenantName.optional(),
  environment: TenantEnvironmentSchema.optional(),
  customUrl: z.string().trim().max(2000).optional(),
  color: TenantColor.nullable().optional(),
  /** Empty or absent: keep the stored secret. */
  orgSecret: SecretInput.optional(),
  userSecret: SecretInput.optional(),
});
export type TenantUpdate = z.input<typeof TenantUpdateSchema>;

export const TenantVerificationSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  code: ErrorCodeSchema.optional(),
});
export type TenantVerification = z.infer<typeof TenantVerificationSchema>;

export const OAuthAppSaveSchema = z.object({
  /** Absent: a new app. */
  id: z.string().min(1).max(100).optional(),
  /** Absent: the active tenant. */
  tenantId: TenantId.optional(),
  name: z.string().trim().min(1, 'Give the OAuth app a name.').max(80),
  clientId: z.string().trim().min(1, 'Enter the client id.').max(500),
  /** Required for a new app; empty or absent on an edit keeps the stored one. */
  clientSecret: SecretInput.optional(),
  callbackUrl: CallbackUrl,
  scope: z.string().trim().max(2000).optional(),
});
export type OAuthAppSave = z.input<typeof OAuthAppSaveSchema>;

const TenantSwitchSchema = z.object({
  id: TenantId,
  /** Without it a pending flow makes the call fail with flow_pending, so the UI can ask first. */
  abandonPendingFlow: z.boolean().optional(),
});

const tenantChannels = {
  'tenants.list': channel(none, TenantListSchema),
  'tenants.add': channel(TenantAddSchema, TenantViewSchema),
  'tenants.update': channel(TenantUpdateSchema, TenantViewSchema),
  /** Removes the tenant and every keychain item it owns: secrets, OAuth apps, instance tokens. */
  'tenants.remove': channel(TenantSwitchSchema, TenantListSchema),
  'tenants.use': channel(TenantSwitchSchema, TenantListSchema),
  /** A cheap platform call (GET /instances) with the stored secrets. */
  'tenants.verify': channel(z.object({ id: TenantId }), TenantVerificationSchema),
  /** Main writes the secret to the clipboard; it never crosses IPC. */
  'tenants.copySecret': channel(z.object({ id: TenantId, which: z.enum(['org', 'user']) }), z.null()),
  'tenants.dismissNotice': channel(none, TenantListSchema),
  'tenants.listOAuthApps': channel(
    z.object({ tenantId: TenantId.optional() }).optional(),
    z.array(OAuthAppViewSchema),
  ),
  'tenants.saveOAuthApp': channel(OAuthAppSaveSchema, OAuthAppViewSchema),
  'tenants.removeOAuthApp': channel(z.object({ id: z.string().min(1).max(100) }), TenantListSchema),
};

// ── flow (the three steps) ─────────────────────────────────────────────────────────────────
export const EventsSettingsSchema = z.object({
  enabled: z.boolean(),
  vendorType: z.enum(['polling', 'webhook']),
  refreshIntervalMinutes: z.number().int().min(1).max(1440),
  /** JSON text: resource → { url, idField, datesConfiguration }; validated in main before sending. */
  pollerConfiguration: z.string(),
  notificationCallbackUrl: z.string(),
  /** A secret: main keeps it in the keychain and never echoes it back. */
  signatureKey: z.string(),
});
export type EventsSettings = z.infer<typeof EventsSettingsSchema>;

export const FlowStartSchema = z.object({
  elementKey: z.string().trim().min(1).max(100),
  instanceName: z.string().trim().min(1).max(200),
  /** Either a saved OAuth app of the active tenant, or a client id + secret typed in. */
  oauthAppId: z.string().optional(),
  apiKey: z.string().trim().optional(),
  apiSecret: z.string().optional(),
  callbackUrl: HttpUrl,
  scope: z.string().trim().optional(),
  /** Optional state; without it main uses a per-flow random value. */
  state: z.string().trim().max(200).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** Extra configuration for generic (non-Zoho) elements, e.g. base URLs. */
  configuration: z.record(z.string(), z.string()).default({}),
  events: EventsSettingsSchema.optional(),
  /** Re-authenticate this existing instance instead of creating one. */
  reauthenticateInstanceId: z.number().int().positive().optional(),
  /** The tenant (id or name) to act on; the active tenant when absent. The stepper passes the one it shows. */
  tenant: z.string().trim().min(1).max(200).optional(),
});
export type FlowStart = z.input<typeof FlowStartSchema>;

export const CallbackDoorSchema = z.enum(['protocol', 'loopback', 'paste']);
export type CallbackDoor = z.infer<typeof CallbackDoorSchema>;
export const InstanceCreatedSchema = z.object({
  id: z.number(),
  name: z.string(),
  elementKey: z.string(),
  createdDate: z.string(),
  tokenHint: SecretHint,
  dataCenter: z.string().optional(),
});
export type InstanceCreated = z.infer<typeof InstanceCreatedSchema>;

const flowBase = {
  flowId: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  instanceName: z.string(),
};
export const FlowViewSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('idle') }),
  z.object({ step: z.literal('fetching-url'), ...flowBase }),
  z.object({
    step: z.literal('awaiting-consent'),
    ...flowBase,
    authUrl: z.string(),
    callbackUrl: z.string(),
    door: CallbackDoorSchema,
    /** Epoch ms after which the flow stops waiting for the callback. */
    waitUntil: z.number(),
  }),
  z.object({
    step: z.literal('creating'),
    ...flowBase,
    /** Epoch ms when the grant code dies (2 minutes after it arrived). */
    codeExpiresAt: z.number(),
    dataCenter: z.string().optional(),
  }),
  z.object({
    step: z.literal('done'),
    ...flowBase,
    instance: InstanceCreatedSchema,
    reauthenticated: z.boolean(),
  }),
  z.object({
    step: z.literal('lost-response'),
    ...flowBase,
    /** An instance of that name created moments ago, if the platform shows one. */
    candidate: InstanceCreatedSchema.optional(),
    /** One sentence for the user: what the platform shows and what to do next. */
    message: z.string().optional(),
  }),
  z.object({ step: z.literal('failed'), ...flowBase, error: AppErrorSchema }),
  z.object({ step: z.literal('cancelled'), ...flowBase }),
]);
export type FlowView = z.infer<typeof FlowViewSchema>;

export const DataCenterSchema = z.object({
  location: z.string(),
  label: z.string(),
  accountsServer: z.string(),
  apiBaseUrl: z.string(),
});
export const ElementPresetSchema = z.object({
  /** The element key; for the generic preset (generic: true) the user types the key. */
  key: z.string(),
  label: z.string(),
  generic: z.boolean(),
  defaultScope: z.string(),
  /** Configuration keys the user is expected to supply, e.g. oauth.base.url for a generic element. */
  suggestedConfigurationKeys: z.array(z.string()),
  defaultEvents: EventsSettingsSchema,
  examplePollerConfiguration: z.string(),
  /** Zoho's data centers; the callback's location picks one, the user does not. */
  dataCenters: z.array(DataCenterSchema),
});
export type ElementPresetView = z.infer<typeof ElementPresetSchema>;

const flowChannels = {
  /** Step 1: fetch the vendor URL, open it in the browser, start listening on the chosen door. */
  'flow.start': channel(FlowStartSchema, FlowViewSchema),
  'flow.get': channel(none, FlowViewSchema),
  /** The paste door: the redirected URL copied from the browser's address bar. */
  'flow.paste': channel(z.object({ url: z.string().max(8192) }), FlowViewSchema),
  'flow.cancel': channel(none, FlowViewSchema),
  'flow.openAuthUrl': channel(none, z.null()),
  'flow.copyAuthUrl': channel(none, z.null()),
  /** After a lost response: keep the candidate instance the platform shows (stores its token). */
  'flow.adoptCandidate': channel(none, FlowViewSchema),
  'flow.copyToken': channel(none, z.null()),
  'flow.reset': channel(none, FlowViewSchema),
  /** Element presets (zohocrmv2 and a generic OAuth 2 one) so the stepper can prefill its fields. */
  'flow.presets': channel(none, z.array(ElementPresetSchema)),
};

// ── instances ───────────────────────────────────────────────────────────────────────────────
const InstanceId = z.number().int().positive();
/** Every instance call may name the tenant whose list is shown, so a tenant switch cannot misdirect it. */
const InstanceRef = z.object({ id: InstanceId, tenantId: TenantId.optional() });

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
  value: z.string().nullable(),
  secret: z.boolean(),
});
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
  dateTime: z.string().optional(),
  code: ErrorCodeSchema.optional(),
});
export type InstanceTest = z.infer<typeof InstanceTestSchema>;

export const InstanceExportSchema = z.object({
  ids: z.union([z.array(InstanceId).min(1, 'Select at least one instance.').max(100_000), z.literal('all')]),
  includeSecrets: z.boolean(),
  tenantId: TenantId.optional(),
});
export type InstanceExport = z.input<typeof InstanceExportSchema>;

export const InstanceExportResultSchema = z.object({
  path: z.string(),
  count: z.number(),
  secretsIncluded: z.boolean(),
});
export type InstanceExportResult = z.infer<typeof InstanceExportResultSchema>;

const instanceChannels = {
  /** The tenant's instances (GET /instances) as summaries: no token crosses. */
  'instances.list': channel(z.object({ tenantId: TenantId.optional() }).optional(), InstanceListSchema),
  'instances.get': channel(InstanceRef, InstanceDetailSchema),
  /** GET /hubs/crm/ping with the instance token: OK with the platform's time, or why not. */
  'instances.test': channel(InstanceRef, InstanceTestSchema),
  /** Deletes on the platform and the keychain token, once the typed name matches (confirmation_mismatch). */
  'instances.delete': channel(
    InstanceRef.extend({ confirmName: z.string().max(500) }),
    z.object({ id: z.number(), name: z.string() }),
  ),
  /** Main asks where to save (cancelled when the user does not choose) and writes the document. */
  'instances.export': channel(InstanceExportSchema, InstanceExportResultSchema),
  /** Main writes the token to the clipboard; it never crosses IPC. */
  'instances.copyToken': channel(InstanceRef, z.null()),
  /** Main writes the POST /instances body (no code, token or secret) to the clipboard. */
  'instances.copyCreateBody': channel(InstanceRef, z.null()),
};

// ── health ──────────────────────────────────────────────────────────────────────────────────
export const healthOutcomes = [
  'valid',
  'token_refused',
  'disabled',
  'unreachable',
  'platform_error',
] as const;
export const HealthOutcomeSchema = z.enum(healthOutcomes);
export type HealthOutcome = z.infer<typeof HealthOutcomeSchema>;

/** One instance's last check; never a token or secret. Times are epoch ms. */
export const HealthResultSchema = z.object({
  instanceId: z.number(),
  instanceName: z.string(),
  elementKey: z.string(),
  outcome: HealthOutcomeSchema,
  message: z.string(),
  status: z.number().optional(),
  requestId: z.string().optional(),
  checkedAt: z.number(),
  lastSuccessAt: z.number().nullable(),
  failingSince: z.number().nullable(),
});
export type HealthResult = z.infer<typeof HealthResultSchema>;

/** Why a whole tenant could not be checked (its secrets refused, its platform unreachable…). */
export const HealthProblemSchema = z.object({
  outcome: HealthOutcomeSchema,
  message: z.string(),
  requestId: z.string().optional(),
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
  color: z.string().nullable(),
  /** Newest first; the first is the last run. */
  runs: z.array(HealthRunSummarySchema),
  problem: HealthProblemSchema.nullable(),
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
  tenants: z.union([z.array(TenantId).min(1, 'Pick at least one tenant.').max(1000), z.literal('all')]),
  perTenant: z.number().int().min(1).max(64).optional(),
  total: z.number().int().min(1).max(256).optional(),
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
  etaMs: z.number().nullable(),
  done: z.boolean(),
});
export type HealthProgress = z.infer<typeof HealthProgressSchema>;

export const HealthExportSchema = z.object({
  format: z.enum(['csv', 'json']),
  /** Only these tenants' results; all when absent or empty. */
  tenantIds: z.array(TenantId).max(1000).optional(),
  /** Only these outcomes; all when absent or empty. */
  outcomes: z.array(HealthOutcomeSchema).max(healthOutcomes.length).optional(),
});
export type HealthExport = z.input<typeof HealthExportSchema>;

const healthChannels = {
  /** The stored results of every tenant: the last run, its time, last success and failing since. */
  'health.board': channel(none, HealthBoardSchema),
  /** Checks every instance of the chosen tenants; resolves with the board when done or cancelled. */
  'health.run': channel(HealthRunSchema, HealthBoardSchema),
  /** Stops new requests at once; the running health.run resolves with what was checked. */
  'health.cancel': channel(none, z.null()),
  /** Main asks where to save (cancelled when the user does not choose) and writes CSV or JSON. */
  'health.export': channel(HealthExportSchema, z.object({ path: z.string(), count: z.number() })),
};

// ── The whole contract ──────────────────────────────────────────────────────────────────────
export const channels = {
  ...appChannels,
  ...tenantChannels,
  ...flowChannels,
  ...instanceChannels,
  ...healthChannels,
};
export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['input']>;
export type ChannelOutput<N extends ChannelName> = z.output<Channels[N]['output']>;

export const events = {
  'app.notice': NoticeSchema,
  'tenants.changed': TenantListSchema,
  'flow.changed': FlowViewSchema,
  'health.progress': HealthProgressSchema,
};
export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
