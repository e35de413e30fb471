// Static knowledge of the fake platform: the elements it knows and Zoho's data centers.
// Owns configuration defaults, masking of secret configuration keys, and normalising sent values.
import { PlatformError, asRecord } from './platform-http.js';
import type { ConfigurationValues } from './platform-types.js';

export interface ElementSpec {
  id: number;
  key: string;
  scope: string;
  /** Zoho exchanges a code only at the accounts server of the user's data center. */
  checksDataCenter: boolean;
  defaults: ConfigurationValues;
}

export const ZOHO_ACCOUNTS_SERVERS: Readonly<Record<string, string>> = {
  us: 'https://accounts.zoho.com',
  eu: 'https://accounts.zoho.eu',
  in: 'https://accounts.zoho.in',
  au: 'https://accounts.zoho.com.au',
  jp: 'https://accounts.zoho.jp',
  cn: 'https://accounts.zoho.com.cn',
  ca: 'https://accounts.zohocloud.ca',
  sa: 'https://accounts.zoho.sa',
  uk: 'https://accounts.zoho.uk',
};

export const MASK = '********';
export const MASKED_KEYS: readonly string[] = [
  'oauth.api.key',
  'oauth.api.secret',
  'event.notification.basic.password',
];

const ZOHO_SCOPE =
  'ZohoCRM.users.all,ZohoCRM.org.all,ZohoCRM.modules.all,ZohoCRM.settings.all,ZohoCRM.bulk.ALL,ZohoFiles.files.ALL';

const ELEMENTS: readonly ElementSpec[] = [
  {
    id: 1234,
    key: 'zohocrmv2',
    scope: ZOHO_SCOPE,
    checksDataCenter: true,
    defaults: {
      'base.url': 'https://www.zohoapis.com/crm/v2',
      'api.base.url': 'https://www.zohoapis.com',
      'oauth.base.url': 'https://accounts.zoho.com',
      'oauth.scope': ZOHO_SCOPE,
      'oauth.authorization.url': '{oauth.base.url}/oauth/v2/auth?access_type=offline&prompt=consent',
      'oauth.token.url': '{oauth.base.url}/oauth/v2/token',
      'oauth.token.refresh_url': '{oauth.base.url}/oauth/v2/token',
      'oauth.token.revoke_url': '{oauth.base.url}/oauth/v2/token/revoke',
      'oauth.user.refresh_interval': '3600',
      'oauth.basic.header': 'true',
      'pagination.type': 'page',
      'pagination.max': '200',
      'allow.select.fields': 'true',
      'default.select.fields.map': null,
      'event.notification.enabled': 'false',
      'event.notification.callback.url': null,
      'event.notification.signature.key': null,
      'event.notification.subscription.id': null,
      'event.notification.basic.username': '',
      'event.notification.basic.password': '',
      'event.vendor.type': 'polling',
      'event.poller.refresh_interval': '15',
      'event.poller.configuration': '{}',
    },
  },
  {
    id: 2345,
    key: 'hubspotcrm',
    scope: 'crm.objects.contacts.read crm.objects.contacts.write',
    checksDataCenter: false,
    defaults: {
      'base.url': 'https://api.hubapi.com',
      'oauth.scope': 'crm.objects.contacts.read crm.objects.contacts.write',
      'event.notification.enabled': 'false',
      'event.notification.callback.url': null,
      'event.notification.basic.password': '',
    },
  },
];

export function findElement(keyOrId: string): ElementSpec | undefined {
  return ELEMENTS.find((element) => element.key === keyOrId || String(element.id) === keyOrId);
}

/** The platform keeps configuration values as strings; other JSON values are stringified. */
export function normaliseConfiguration(raw: unknown): ConfigurationValues {
  if (raw === undefined) return {};
  const record = asRecord(raw);
  if (record === undefined) throw new PlatformError(400, 'configuration must be a JSON object');
  const values: ConfigurationValues = {};
  for (const [key, value] of Object.entries(record)) {
    values[key] = value === null || typeof value === 'string' ? value : JSON.stringify(value);
  }
  return values;
}

/** The configuration as returned to clients: secret keys replaced by the mask. */
export function maskConfiguration(configuration: ConfigurationValues): ConfigurationValues {
  const masked = { ...configuration };
  for (const key of MASKED_KEYS) {
    if (key in masked) masked[key] = MASK;
  }
  return masked;
}

/** Only the secret keys of a configuration, with their real values. */
export function secretPart(configuration: ConfigurationValues): ConfigurationValues {
  const secrets: ConfigurationValues = {};
  for (const key of MASKED_KEYS) {
    const value = configuration[key];
    if (value !== undefined) secrets[key] = value;
  }
  return secrets;
}
