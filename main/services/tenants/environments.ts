// The platform environments a tenant can live in: the US, EU and staging presets, or a custom
// platform URL (https, or plain http to a loopback host only).
import type { TenantEnvironment } from '../../../preload/contract';
import { AppFailure, assertNever } from '../errors';
import { assertSafeRemoteUrl } from '../net/safe-url';

export const ENVIRONMENT_PRESETS = {
  us: { label: 'US', baseUrl: 'https://api.cloud-elements.com/elements/api-v2' },
  eu: { label: 'EU', baseUrl: 'https://api.cloud-elements.co.uk/elements/api-v2' },
  staging: { label: 'Staging', baseUrl: 'https://staging.cloud-elements.com/elements/api-v2' },
} as const;

/** The platform base URL of an environment; a custom URL is checked and loses trailing slashes. */
export function environmentBaseUrl(environment: TenantEnvironment, customUrl?: string | null): string {
  switch (environment) {
    case 'us':
    case 'eu':
    case 'staging':
      return ENVIRONMENT_PRESETS[environment].baseUrl;
    case 'custom': {
      const text = customUrl?.trim();
      if (!text) throw new AppFailure('invalid_input', 'A custom environment needs its platform URL.');
      const url = assertSafeRemoteUrl(text, 'The platform URL');
      if (url.search || url.hash) {
        throw new AppFailure('invalid_input', 'The platform URL must not carry a query or a fragment.');
      }
      return url.toString().replace(/\/+$/, '');
    }
    default:
      return assertNever(environment);
  }
}

/** A short human name of the environment, for sentences: "US", "EU", "Staging" or the custom host. */
export function environmentLabel(environment: TenantEnvironment, baseUrl: string): string {
  if (environment !== 'custom') return ENVIRONMENT_PRESETS[environment].label;
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
