// Pure views of a platform instance: the table summary, the key/value configuration of the
// detail panel, and the POST /instances body that would recreate it elsewhere (no secrets).
import type { PlatformInstance } from '../cloud-elements/platform-client';
import type { ConfigurationEntry, InstanceSummary } from '../../../common/contract';
import { MASKED_SECRET, isSecretConfigurationKey } from './redact';

/** The token the platform shows, unless it is absent or masked. */
export function platformToken(instance: PlatformInstance): string | undefined {
  const token = instance.token;
  return typeof token === 'string' && token !== '' && token !== MASKED_SECRET ? token : undefined;
}

const tagsOf = (instance: PlatformInstance): string[] =>
  Array.isArray(instance.tags) ? instance.tags.filter((tag): tag is string => typeof tag === 'string') : [];

export function summarise(instance: PlatformInstance): InstanceSummary {
  const element = instance.element;
  return {
    id: instance.id,
    name: instance.name,
    elementKey: element?.key ?? (element?.id !== undefined ? String(element.id) : ''),
    createdDate: instance.createdDate ?? '',
    valid: instance.valid !== false,
    disabled: instance.disabled === true,
    tags: tagsOf(instance),
  };
}

const configurationText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

/** The configuration of an already redacted instance as sorted key/value entries. */
export function configurationEntries(redacted: PlatformInstance): ConfigurationEntry[] {
  return Object.entries(redacted.configuration ?? {})
    .map(([key, value]) => {
      const text = configurationText(value);
      return { key, value: text, secret: isSecretConfigurationKey(key) || text === MASKED_SECRET };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Element, name, tags and the non-secret configuration. Left out: secret keys, values the platform
 * masks, null values and oauth.user.* (tokens and times of this authorization); no providerData.
 */
export function createBodyOf(instance: PlatformInstance): Record<string, unknown> {
  const configuration: Record<string, string> = {};
  for (const [key, value] of Object.entries(instance.configuration ?? {})) {
    const text = configurationText(value);
    if (
      text === null ||
      text === MASKED_SECRET ||
      key.startsWith('oauth.user.') ||
      isSecretConfigurationKey(key)
    )
      continue;
    configuration[key] = text;
  }
  const element = instance.element?.key ? { key: instance.element.key } : { id: instance.element?.id };
  return { element, name: instance.name, tags: tagsOf(instance), configuration };
}
