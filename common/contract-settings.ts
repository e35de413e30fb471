// The settings domain of the contract: how the app goes out (proxy, extra trusted roots) and the
// "Check connection" report, with the 'settings.*' channels.
import { z } from './zod';
import { channel, none, SecretInput } from './contract-base';

// ── settings ────────────────────────────────────────────────────────────────────────────────
export const ProxyModeSchema = z.enum(['system', 'none', 'manual']);
export type ProxyMode = z.infer<typeof ProxyModeSchema>;

/** The network settings as the renderer sees them: the proxy password only as "is one stored". */
export const NetworkSettingsSchema = z.object({
  proxyMode: ProxyModeSchema,
  /** The manual proxy, http(s)://host:port, never with credentials in it. */
  proxyUrl: z.string(),
  proxyUsername: z.string(),
  hasProxyPassword: z.boolean(),
  /** A PEM file of extra root certificates to trust (the company's TLS inspection), '' for none. */
  extraCaFile: z.string(),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

export const NetworkSettingsSaveSchema = z.object({
  proxyMode: ProxyModeSchema,
  proxyUrl: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  proxyUsername: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
  /** Empty or absent keeps the stored password; `clearProxyPassword` removes it. */
  proxyPassword: z.optional(SecretInput),
  clearProxyPassword: z.optional(z.boolean()),
  extraCaFile: z._default(z.string().check(z.trim(), z.maxLength(4096)), ''),
});
export type NetworkSettingsSave = z.input<typeof NetworkSettingsSaveSchema>;

export const ConnectionStageSchema = z.enum(['dns', 'proxy', 'tls', 'http']);
export type ConnectionStage = z.infer<typeof ConnectionStageSchema>;

/** "Check connection": each stage's outcome in plain words; a stage not reached is 'skipped'. */
export const ConnectionCheckSchema = z.object({
  ok: z.boolean(),
  host: z.string(),
  stages: z.array(
    z.object({
      stage: ConnectionStageSchema,
      outcome: z.enum(['ok', 'failed', 'skipped']),
      message: z.string(),
    }),
  ),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const settingsChannels = {
  'settings.get': channel(none, NetworkSettingsSchema),
  /** Saves to the data folder (the proxy password to the keychain) and applies it at once. */
  'settings.save': channel(NetworkSettingsSaveSchema, NetworkSettingsSchema),
  /** Calls the active tenant's platform (no secrets sent) and reports DNS, proxy, TLS and HTTP. */
  'settings.checkConnection': channel(none, ConnectionCheckSchema),
};
