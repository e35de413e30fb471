// The flow domain of the contract: the start input, the views of the three steps main pushes,
// element presets, and the 'flow.*' channels.
import { z } from './zod';
import { CALLBACK_DOORS, stateProblem } from './urls';
import { elementKeyProblem, instanceNameProblem, tagsProblem } from './field-rules';
import { AppErrorSchema, CallbackUrl, channel, none, ruled, SecretHint } from './contract-base';

// ── flow (the three steps) ─────────────────────────────────────────────────────────────────
export const EventsSettingsSchema = z.object({
  enabled: z.boolean(),
  vendorType: z.enum(['polling', 'webhook']),
  refreshIntervalMinutes: z.int().check(z.gte(1), z.lte(1440)),
  /** JSON text: resource → { url, idField, datesConfiguration }; validated in main before sending. */
  pollerConfiguration: z.string(),
  notificationCallbackUrl: z.string(),
  /** A secret: main keeps it in the keychain and never echoes it back. */
  signatureKey: z.string(),
});
export type EventsSettings = z.infer<typeof EventsSettingsSchema>;

export const FlowStartSchema = z.object({
  elementKey: z.string().check(z.trim(), z.superRefine(ruled(elementKeyProblem))),
  instanceName: z.string().check(z.trim(), z.superRefine(ruled(instanceNameProblem))),
  /** Either a saved OAuth app of the active tenant, or a client id + secret typed in. */
  oauthAppId: z.optional(z.string()),
  apiKey: z.optional(z.string().check(z.trim())),
  apiSecret: z.optional(z.string()),
  callbackUrl: CallbackUrl,
  scope: z.optional(z.string().check(z.trim())),
  /** Optional state; without it main uses a per-flow random value. */
  state: z.optional(z.string().check(z.trim(), z.superRefine(ruled(stateProblem)))),
  tags: z._default(z.array(z.string().check(z.trim())).check(z.superRefine(ruled(tagsProblem))), []),
  /** Extra configuration for generic (non-Zoho) elements, e.g. base URLs. */
  configuration: z._default(z.record(z.string(), z.string()), {}),
  events: z.optional(EventsSettingsSchema),
  /** Re-authenticate this existing instance instead of creating one. */
  reauthenticateInstanceId: z.optional(z.int().check(z.positive())),
  /** The tenant (id or name) to act on; the active tenant when absent. The stepper passes the one it shows. */
  tenant: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});
export type FlowStart = z.input<typeof FlowStartSchema>;
export type FlowStartInput = z.output<typeof FlowStartSchema>;

export const CallbackDoorSchema = z.enum(CALLBACK_DOORS);
export const InstanceCreatedSchema = z.object({
  id: z.number(),
  name: z.string(),
  elementKey: z.string(),
  createdDate: z.string(),
  tokenHint: SecretHint,
  dataCenter: z.optional(z.string()),
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
    dataCenter: z.optional(z.string()),
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
    candidate: z.optional(InstanceCreatedSchema),
    /** One sentence for the user: what the platform shows and what to do next. */
    message: z.optional(z.string()),
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

export const flowChannels = {
  /** Step 1: fetch the vendor URL, open it in the browser, start listening on the chosen door. */
  'flow.start': channel(FlowStartSchema, FlowViewSchema),
  'flow.get': channel(none, FlowViewSchema),
  /** The paste door: the redirected URL copied from the browser's address bar. */
  'flow.paste': channel(z.object({ url: z.string().check(z.maxLength(8192)) }), FlowViewSchema),
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
