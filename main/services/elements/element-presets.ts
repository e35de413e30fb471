// Element presets: what the flow knows about an element before step 1 (label, default scope,
// configuration defaults, events defaults, data centers). zohocrmv2 first, a generic OAuth 2 preset for the rest.
import type { EventsSettings } from '../../../common/contract';
import { DEFAULT_ELEMENT_KEY, DEFAULT_EVENTS } from '../../../common/element-defaults';
import { ZOHO_DATA_CENTERS, type ZohoDataCenter } from './zoho-data-centers';

export interface ElementPreset {
  /** The element key; for the generic preset, the key the user types is used instead. */
  key: string;
  label: string;
  /** True for the preset that stands for every other OAuth 2 element. */
  generic: boolean;
  defaultScope: string;
  /** Configuration values sent in step 3 unless the user or the flow sets them. */
  defaultConfiguration: Record<string, string>;
  /** Configuration keys the user is expected to supply (e.g. base URLs of a generic element). */
  suggestedConfigurationKeys: string[];
  defaultEvents: EventsSettings;
  examplePollerConfiguration: string;
  /** Zoho-style data centers; when non-empty the callback's location picks the base URLs. */
  dataCenters: readonly ZohoDataCenter[];
}

export const ZOHO_DEFAULT_SCOPE =
  'ZohoCRM.users.all,ZohoCRM.org.all,ZohoCRM.modules.all,ZohoCRM.settings.all,ZohoCRM.bulk.ALL,ZohoFiles.files.ALL';

const ZOHO_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ssXXX";

function zohoPollerResource(resource: string) {
  return {
    url: `/hubs/crm/${resource}?where=lastModifiedDate>'\${gmtDate:${ZOHO_DATE_FORMAT}}'`,
    idField: 'id',
    datesConfiguration: {
      updatedDateField: 'Modified_Time',
      updatedDateFormat: ZOHO_DATE_FORMAT,
      updatedDateTimezone: 'GMT',
      createdDateField: 'Created_Time',
      createdDateFormat: ZOHO_DATE_FORMAT,
      createdDateTimezone: 'GMT',
    },
  };
}

export const ZOHO_POLLER_EXAMPLE = JSON.stringify(
  {
    accounts: zohoPollerResource('accounts'),
    contacts: zohoPollerResource('contacts'),
    leads: zohoPollerResource('leads'),
  },
  null,
  2,
);

export const ZOHO_CRM_V2_PRESET: ElementPreset = {
  key: DEFAULT_ELEMENT_KEY,
  label: 'Zoho CRM V2',
  generic: false,
  defaultScope: ZOHO_DEFAULT_SCOPE,
  defaultConfiguration: {
    'event.vendor.type': DEFAULT_EVENTS.vendorType,
    'event.poller.refresh_interval': String(DEFAULT_EVENTS.refreshIntervalMinutes),
    'event.notification.enabled': 'false',
  },
  suggestedConfigurationKeys: [],
  defaultEvents: { ...DEFAULT_EVENTS, pollerConfiguration: ZOHO_POLLER_EXAMPLE },
  examplePollerConfiguration: ZOHO_POLLER_EXAMPLE,
  dataCenters: ZOHO_DATA_CENTERS,
};

export const GENERIC_OAUTH2_PRESET: ElementPreset = {
  key: 'oauth2',
  label: 'Other OAuth 2 element',
  generic: true,
  defaultScope: '',
  defaultConfiguration: {},
  suggestedConfigurationKeys: ['oauth.base.url', 'api.base.url'],
  defaultEvents: { ...DEFAULT_EVENTS },
  examplePollerConfiguration: '',
  dataCenters: [],
};

export const ELEMENT_PRESETS: readonly ElementPreset[] = [ZOHO_CRM_V2_PRESET, GENERIC_OAUTH2_PRESET];

/** The preset of an element key: its own if there is one, else the generic OAuth 2 preset. */
export function presetFor(elementKey: string): ElementPreset {
  const key = elementKey.trim().toLowerCase();
  return ELEMENT_PRESETS.find((preset) => !preset.generic && preset.key === key) ?? GENERIC_OAUTH2_PRESET;
}
