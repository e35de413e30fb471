// Events settings → step 3 configuration keys, validated before anything is sent: the poller
// configuration must be a JSON object of resource → {url, idField, datesConfiguration}.
import type { EventsSettings } from '../../../common/contract';
import { AppFailure } from '../errors';
import { isSafeRemoteUrl } from '../../../common/urls';

export type ConfigurationEntries = Record<string, string>;

function invalid(message: string): AppFailure {
  return new AppFailure('invalid_input', message);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * Checks the poller configuration JSON text and returns it compacted. Throws invalid_input
 * with one sentence naming the first problem.
 */
export function validatePollerConfiguration(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('The poller configuration is not valid JSON.');
  }
  if (!isObject(parsed) || Object.keys(parsed).length === 0) {
    throw invalid(
      'The poller configuration must be a JSON object with at least one resource, e.g. "contacts".',
    );
  }
  for (const [resource, entry] of Object.entries(parsed)) {
    if (!isObject(entry)) throw invalid(`The poller configuration for "${resource}" must be an object.`);
    if (!nonEmptyString(entry.url))
      throw invalid(`The poller configuration for "${resource}" needs a "url".`);
    if (!nonEmptyString(entry.idField)) {
      throw invalid(`The poller configuration for "${resource}" needs an "idField".`);
    }
    if (!isObject(entry.datesConfiguration)) {
      throw invalid(`The poller configuration for "${resource}" needs a "datesConfiguration" object.`);
    }
  }
  return JSON.stringify(parsed);
}

/**
 * The configuration keys of the events settings. With events off only
 * event.notification.enabled=false is sent; the signature key is included for the platform
 * (the caller keeps it in the keychain, never anywhere else).
 */
export function eventsConfiguration(settings: EventsSettings): ConfigurationEntries {
  if (!settings.enabled) return { 'event.notification.enabled': 'false' };
  const entries: ConfigurationEntries = {
    'event.notification.enabled': 'true',
    'event.vendor.type': settings.vendorType,
    'event.poller.refresh_interval': String(settings.refreshIntervalMinutes),
  };
  const poller = settings.pollerConfiguration.trim();
  if (settings.vendorType === 'polling' && poller === '') {
    throw invalid(
      'Polling events need a poller configuration (JSON: resource → {url, idField, datesConfiguration}).',
    );
  }
  if (poller !== '') entries['event.poller.configuration'] = validatePollerConfiguration(poller);
  const callbackUrl = settings.notificationCallbackUrl.trim();
  if (callbackUrl !== '') {
    if (!isSafeRemoteUrl(callbackUrl) || !callbackUrl.toLowerCase().startsWith('https:')) {
      throw invalid('The event notification callback URL must be an https URL.');
    }
    entries['event.notification.callback.url'] = callbackUrl;
  }
  const signatureKey = settings.signatureKey.trim();
  if (signatureKey !== '') entries['event.notification.signature.key'] = signatureKey;
  return entries;
}
