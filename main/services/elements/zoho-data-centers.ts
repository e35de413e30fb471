// Zoho's data centers: the accounts server and API host of each location code, and the one
// rule for picking a data center from a callback (location first, accounts-server only if known).

export interface ZohoDataCenter {
  /** Zoho's location code, as sent in the callback: us, eu, in, au, jp, cn, ca, sa, uk. */
  location: string;
  label: string;
  accountsServer: string;
  apiBaseUrl: string;
}

export const ZOHO_DATA_CENTERS: readonly ZohoDataCenter[] = [
  {
    location: 'us',
    label: 'United States',
    accountsServer: 'https://accounts.zoho.com',
    apiBaseUrl: 'https://www.zohoapis.com',
  },
  {
    location: 'eu',
    label: 'Europe',
    accountsServer: 'https://accounts.zoho.eu',
    apiBaseUrl: 'https://www.zohoapis.eu',
  },
  {
    location: 'in',
    label: 'India',
    accountsServer: 'https://accounts.zoho.in',
    apiBaseUrl: 'https://www.zohoapis.in',
  },
  {
    location: 'au',
    label: 'Australia',
    accountsServer: 'https://accounts.zoho.com.au',
    apiBaseUrl: 'https://www.zohoapis.com.au',
  },
  {
    location: 'jp',
    label: 'Japan',
    accountsServer: 'https://accounts.zoho.jp',
    apiBaseUrl: 'https://www.zohoapis.jp',
  },
  {
    location: 'cn',
    label: 'China',
    accountsServer: 'https://accounts.zoho.com.cn',
    apiBaseUrl: 'https://www.zohoapis.com.cn',
  },
  {
    location: 'ca',
    label: 'Canada',
    accountsServer: 'https://accounts.zohocloud.ca',
    apiBaseUrl: 'https://www.zohoapis.ca',
  },
  {
    location: 'sa',
    label: 'Saudi Arabia',
    accountsServer: 'https://accounts.zoho.sa',
    apiBaseUrl: 'https://www.zohoapis.sa',
  },
  {
    location: 'uk',
    label: 'United Kingdom',
    accountsServer: 'https://accounts.zoho.uk',
    apiBaseUrl: 'https://www.zohoapis.uk',
  },
];

export const DEFAULT_ZOHO_DATA_CENTER: ZohoDataCenter = ZOHO_DATA_CENTERS[0] as ZohoDataCenter;

/** The https origin of an accounts-server value, or undefined if it is not a plain https origin. */
function httpsOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return undefined;
    if (url.pathname !== '/' && url.pathname !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export type DataCenterChoice =
  { kind: 'found'; dataCenter: ZohoDataCenter } | { kind: 'absent' } | { kind: 'unknown'; reason: string };

/**
 * The data center a Zoho callback names. The location code wins; the accounts-server is only
 * matched against the table, so an arbitrary host from the URL is never used.
 */
export function zohoDataCenterOf(callback: { location?: string; accountsServer?: string }): DataCenterChoice {
  const location = callback.location?.trim().toLowerCase();
  if (location) {
    const byLocation = ZOHO_DATA_CENTERS.find((dc) => dc.location === location);
    if (byLocation) return { kind: 'found', dataCenter: byLocation };
  }
  const accountsServer = callback.accountsServer?.trim();
  if (accountsServer) {
    const origin = httpsOrigin(accountsServer);
    const byServer = origin ? ZOHO_DATA_CENTERS.find((dc) => dc.accountsServer === origin) : undefined;
    if (byServer) return { kind: 'found', dataCenter: byServer };
  }
  if (!location && !accountsServer) return { kind: 'absent' };
  return {
    kind: 'unknown',
    reason: 'Zoho named a data center this app does not know, so the grant code cannot be exchanged safely.',
  };
}
