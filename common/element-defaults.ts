// Element defaults every process shares: the element the stepper starts on and the events
// settings an instance gets when the user turns nothing on (presets add their own poller example).
import type { EventsSettings } from './contract';

export const DEFAULT_ELEMENT_KEY = 'zohocrmv2';

/** Events off, polling every 15 minutes when turned on; no poller configuration, no signature key. */
export const DEFAULT_EVENTS: Readonly<EventsSettings> = {
  enabled: false,
  vendorType: 'polling',
  refreshIntervalMinutes: 15,
  pollerConfiguration: '',
  notificationCallbackUrl: '',
  signatureKey: '',
};
