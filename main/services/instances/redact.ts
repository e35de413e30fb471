// The one redaction of instance JSON, used by the detail view, the export and the CLI:
// every secret field becomes "********"; null and empty values stay as they are.

export const REDACTED = '********';

/** Configuration keys that hold secrets (the platform masks some of them itself). */
export const SECRET_CONFIGURATION_KEYS: readonly string[] = [
  'oauth.user.token',
  'oauth.user.refresh_token',
  'oauth.api.secret',
  'event.notification.basic.password',
  'event.notification.signature.key',
];

/** providerData fields that hold secrets: the single-use grant code and any secret. */
export const SECRET_PROVIDER_DATA_KEYS: readonly string[] = ['code', 'secret'];

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a value worth hiding: anything but null, undefined and the empty string. */
export function hasSecretValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

const mask = (value: unknown): unknown => (hasSecretValue(value) ? REDACTED : value);

function maskKeys(record: Json, keys: readonly string[]): Json {
  const copy: Json = { ...record };
  for (const key of keys) {
    if (key in copy) copy[key] = mask(copy[key]);
  }
  return copy;
}

/** A copy of the instance with token, secret configuration and secret providerData masked. */
export function redactInstance<T extends Json>(instance: T): T {
  const copy: Json = { ...instance };
  if ('token' in copy) copy.token = mask(copy.token);
  if (isRecord(copy.configuration))
    copy.configuration = maskKeys(copy.configuration, SECRET_CONFIGURATION_KEYS);
  if (isRecord(copy.providerData)) copy.providerData = maskKeys(copy.providerData, SECRET_PROVIDER_DATA_KEYS);
  return copy as T;
}

/** True when a configuration key holds a secret (for key/value views and the create body). */
export function isSecretConfigurationKey(key: string): boolean {
  return SECRET_CONFIGURATION_KEYS.includes(key);
}
