// Tests of the element presets: Zoho's data-center table and how a callback picks a data center,
// the zohocrmv2 defaults from the seed, and the events settings → configuration keys with validation.
import { describe, expect, it } from 'vitest';
import {
  ELEMENT_PRESETS,
  ZOHO_POLLER_EXAMPLE,
  presetFor,
} from '../../../../../main/services/elements/element-presets';
import {
  eventsConfiguration,
  validatePollerConfiguration,
} from '../../../../../main/services/elements/events-configuration';
import { ZOHO_DATA_CENTERS, zohoDataCenterOf } from '../../../../../main/services/elements/zoho-data-centers';
import { isFailure } from '../../../../../main/services/errors';
import type { EventsSettings } from '../../../../../common/contract';
import { ElementPresetSchema } from '../../../../../common/contract';

const EVENTS: EventsSettings = {
  enabled: true,
  vendorType: 'polling',
  refreshIntervalMinutes: 30,
  pollerConfiguration: ZOHO_POLLER_EXAMPLE,
  notificationCallbackUrl: 'https://hooks.example.com/ce',
  signatureKey: 'sig-key-123',
};

function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isFailure(error, 'invalid_input')) return error.message;
    throw error;
  }
  throw new Error('expected invalid_input');
}

describe('Zoho data centers', () => {
  it('maps every location to the hosts of DESIGN.md', () => {
    const table = Object.fromEntries(
      ZOHO_DATA_CENTERS.map((dc) => [dc.location, [dc.accountsServer, dc.apiBaseUrl]]),
    );
    expect(table).toEqual({
      us: ['https://accounts.zoho.com', 'https://www.zohoapis.com'],
      eu: ['https://accounts.zoho.eu', 'https://www.zohoapis.eu'],
      in: ['https://accounts.zoho.in', 'https://www.zohoapis.in'],
      au: ['https://accounts.zoho.com.au', 'https://www.zohoapis.com.au'],
      jp: ['https://accounts.zoho.jp', 'https://www.zohoapis.jp'],
      cn: ['https://accounts.zoho.com.cn', 'https://www.zohoapis.com.cn'],
      ca: ['https://accounts.zohocloud.ca', 'https://www.zohoapis.ca'],
      sa: ['https://accounts.zoho.sa', 'https://www.zohoapis.sa'],
      uk: ['https://accounts.zoho.uk', 'https://www.zohoapis.uk'],
    });
  });

  it('prefers the location code over the accounts-server', () => {
    const choice = zohoDataCenterOf({ location: 'EU', accountsServer: 'https://accounts.zoho.com' });
    expect(choice).toMatchObject({ kind: 'found', dataCenter: { location: 'eu' } });
  });

  it('uses the accounts-server only when it is one of the table, as an https origin', () => {
    expect(zohoDataCenterOf({ accountsServer: 'https://accounts.zohocloud.ca/' })).toMatchObject({
      kind: 'found',
      dataCenter: { location: 'ca', apiBaseUrl: 'https://www.zohoapis.ca' },
    });
    for (const accountsServer of [
      'https://accounts.zoho.eu.evil.example',
      'http://accounts.zoho.eu',
      'https://accounts.zoho.eu/path',
      'https://user@accounts.zoho.eu',
      'not a url',
    ]) {
      expect(zohoDataCenterOf({ accountsServer }).kind).toBe('unknown');
    }
  });

  it('says absent when the callback names no data center, unknown for an unknown location', () => {
    expect(zohoDataCenterOf({})).toEqual({ kind: 'absent' });
    expect(zohoDataCenterOf({ location: 'mars' }).kind).toBe('unknown');
  });
});

describe('element presets', () => {
  it('gives zohocrmv2 the seed scope and events defaults, and everything else the generic preset', () => {
    const zoho = presetFor('zohocrmv2');
    expect(zoho.defaultScope).toBe(
      'ZohoCRM.users.all,ZohoCRM.org.all,ZohoCRM.modules.all,ZohoCRM.settings.all,ZohoCRM.bulk.ALL,ZohoFiles.files.ALL',
    );
    expect(zoho.defaultConfiguration).toEqual({
      'event.vendor.type': 'polling',
      'event.poller.refresh_interval': '15',
      'event.notification.enabled': 'false',
    });
    expect(zoho.dataCenters).toHaveLength(9);
    expect(presetFor('hubspotcrm')).toMatchObject({ generic: true, defaultScope: '', dataCenters: [] });
  });

  it('ships a valid Zoho poller example for accounts, contacts and leads', () => {
    expect(Object.keys(JSON.parse(ZOHO_POLLER_EXAMPLE) as object)).toEqual(['accounts', 'contacts', 'leads']);
    expect(() => validatePollerConfiguration(ZOHO_POLLER_EXAMPLE)).not.toThrow();
  });

  it('fits the contract the renderer reads', () => {
    for (const preset of ELEMENT_PRESETS) {
      expect(ElementPresetSchema.safeParse({ ...preset, dataCenters: [...preset.dataCenters] }).success).toBe(
        true,
      );
    }
  });
});

describe('events settings → configuration', () => {
  it('sends only event.notification.enabled=false when events are off', () => {
    expect(eventsConfiguration({ ...EVENTS, enabled: false, pollerConfiguration: 'not json' })).toEqual({
      'event.notification.enabled': 'false',
    });
  });

  it('maps every setting to its configuration key, with the poller JSON compacted', () => {
    expect(eventsConfiguration(EVENTS)).toEqual({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'polling',
      'event.poller.refresh_interval': '30',
      'event.poller.configuration': JSON.stringify(JSON.parse(ZOHO_POLLER_EXAMPLE)),
      'event.notification.callback.url': 'https://hooks.example.com/ce',
      'event.notification.signature.key': 'sig-key-123',
    });
  });

  it('refuses a poller configuration that is not JSON or not resource → {url, idField, datesConfiguration}', () => {
    expect(failureOf(() => validatePollerConfiguration('{'))).toMatch(/not valid JSON/);
    expect(failureOf(() => validatePollerConfiguration('[]'))).toMatch(/JSON object/);
    expect(failureOf(() => validatePollerConfiguration('{}'))).toMatch(/at least one resource/);
    expect(
      failureOf(() => validatePollerConfiguration('{"leads":{"idField":"id","datesConfiguration":{}}}')),
    ).toMatch(/"leads" needs a "url"/);
    expect(
      failureOf(() => validatePollerConfiguration('{"leads":{"url":"/x","datesConfiguration":{}}}')),
    ).toMatch(/"idField"/);
    expect(failureOf(() => validatePollerConfiguration('{"leads":{"url":"/x","idField":"id"}}'))).toMatch(
      /"datesConfiguration"/,
    );
  });

  it('needs a poller configuration for polling, and an https notification callback URL', () => {
    expect(failureOf(() => eventsConfiguration({ ...EVENTS, pollerConfiguration: ' ' }))).toMatch(
      /need a poller/,
    );
    expect(
      eventsConfiguration({ ...EVENTS, vendorType: 'webhook', pollerConfiguration: '' })['event.vendor.type'],
    ).toBe('webhook');
    for (const notificationCallbackUrl of [
      'http://hooks.example.com/ce',
      'http://127.0.0.1:9/x',
      'ftp://x',
    ]) {
      expect(failureOf(() => eventsConfiguration({ ...EVENTS, notificationCallbackUrl }))).toMatch(
        /https URL/,
      );
    }
  });
});
