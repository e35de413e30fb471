// The platform environments a tenant can live in, with their labels and base URLs; a custom
// environment is any https URL (or plain http to this computer). Main, renderer and CLI read it.
import type { TenantEnvironment } from './contract';

export const ENVIRONMENT_PRESETS = {
  us: { label: 'US', baseUrl: 'https://api.cloud-elements.com/elements/api-v2' },
  eu: { label: 'EU', baseUrl: 'https://api.cloud-elements.co.uk/elements/api-v2' },
  staging: { label: 'Staging', baseUrl: 'https://staging.cloud-elements.com/elements/api-v2' },
} as const;

export const ENVIRONMENT_OPTIONS: { value: TenantEnvironment; label: string }[] = [
  { value: 'us', label: ENVIRONMENT_PRESETS.us.label },
  { value: 'eu', label: ENVIRONMENT_PRESETS.eu.label },
  { value: 'staging', label: ENVIRONMENT_PRESETS.staging.label },
  { value: 'custom', label: 'Custom URL' },
];

/** A short human name of the environment, for sentences: "US", "EU", "Staging" or the custom host. */
export function environmentLabel(environment: TenantEnvironment, baseUrl: string): string {
  if (environment !== 'custom') return ENVIRONMENT_PRESETS[environment].label;
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
