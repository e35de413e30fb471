// The one redaction of instance JSON, used by the detail view, the export and the CLI: every field
// whose name says it holds a secret, at any depth, becomes "********"; null and empty values stay as they are.

import { namesSecret } from '../secret-names';

/** How a secret value reads in an instance detail or export: the platform's own mask. */
export const MASKED_SECRET = '********';

/** Configuration keys known to hold secrets (the platform masks some of them itself). */
export const SECRET_CONFIGURATION_KEYS: readonly string[] = [
  'oauth.user.token',
  'oauth.user.refresh_token',
  'oauth.api.secret',
  'event.notification.basic.password',
  'event.notification.signature.key',
];

/** Names already decided: an export asks about the same few dozen names for every instance. */
const decided = new Map<string, boolean>();
const MAX_DECIDED = 10_000;

/** True for a field or configuration key that holds a secret. */
export function isSecretName(name: string): boolean {
  let secret = decided.get(name);
  if (secret === undefined) {
    secret = SECRET_CONFIGURATION_KEYS.includes(name) || namesSecret(name);
    if (decided.size < MAX_DECIDED) decided.set(name, secret);
  }
  return secret;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a value worth hiding: anything but null, undefined, the empty string and a flag. */
export function hasSecretValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && typeof value !== 'boolean';
}

const mask = (value: unknown): unknown => (hasSecretValue(value) ? MASKED_SECRET : value);

const MAX_DEPTH = 32;

/** A deep copy with every secret-named field masked; { key: "<secret name>", value } pairs too. */
function redactValue(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return MASKED_SECRET;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (!isRecord(value)) return value;
  const pairNamesSecret = typeof value.key === 'string' && isSecretName(value.key);
  // A spread copy keeps the object's shape (fast to make); only secrets and nested values are then set.
  const copy: Json = { ...value };
  for (const name of Object.keys(copy)) {
    const item = copy[name];
    if (isSecretName(name) || (pairNamesSecret && name === 'value')) copy[name] = mask(item);
    else if (typeof item === 'object' && item !== null) copy[name] = redactValue(item, depth + 1);
  }
  return copy;
}

/** A copy of the instance with the token, secret configuration, secret providerData and any other secret field masked. */
export function redactInstance<T extends Json>(instance: T): T {
  return redactValue(instance, 0) as T;
}

/** True when a configuration key holds a secret (for key/value views and the create body). */
export function isSecretConfigurationKey(key: string): boolean {
  return isSecretName(key);
}
