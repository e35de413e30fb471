// The step 3 bodies: POST /instances for a new instance, PUT /instances/{id}?reAuthenticate=true
// for an existing one. The OAuth values are those of step 1, byte for byte.
import type { InstanceBody, PlatformInstance } from '../cloud-elements/platform-client';
import type { ZohoDataCenter } from '../elements/zoho-data-centers';
import type { FlowPlan } from './flow-plan';

export interface GrantCallback {
  code: string;
  state: string;
  location?: string;
  accountsServer?: string;
}

/** Configuration keys the platform fills in itself after a (re-)authentication. */
const USER_TOKEN_KEYS = ['oauth.user.token', 'oauth.user.refresh_token', 'oauth.user.refresh_time'];

function oauthConfiguration(plan: FlowPlan, dataCenter: ZohoDataCenter | undefined): Record<string, string> {
  return {
    'oauth.api.key': plan.apiKey,
    'oauth.api.secret': plan.apiSecret,
    'oauth.callback.url': plan.callbackUrl,
    ...(plan.scope ? { 'oauth.scope': plan.scope } : {}),
    ...(dataCenter
      ? { 'oauth.base.url': dataCenter.accountsServer, 'api.base.url': dataCenter.apiBaseUrl }
      : {}),
  };
}

/** providerData: the grant, and for Zoho the data center from the table, never a host from the URL. */
function providerData(
  callback: GrantCallback,
  dataCenter: ZohoDataCenter | undefined,
): Record<string, string> {
  return {
    code: callback.code,
    state: callback.state,
    ...(dataCenter ? { location: dataCenter.location, 'accounts-server': dataCenter.accountsServer } : {}),
  };
}

export function createInstanceBody(
  plan: FlowPlan,
  callback: GrantCallback,
  dataCenter: ZohoDataCenter | undefined,
): InstanceBody {
  return {
    element: { key: plan.elementKey },
    name: plan.instanceName,
    tags: [...plan.tags, plan.marker],
    configuration: {
      ...plan.preset.defaultConfiguration,
      ...plan.extraConfiguration,
      ...plan.eventsConfiguration,
      ...oauthConfiguration(plan, dataCenter),
    },
    providerData: providerData(callback, dataCenter),
  };
}

/**
 * Re-authentication keeps the instance's name, tags and configuration (masked values stand for the
 * stored ones) and replaces the OAuth values; the platform issues new user tokens itself.
 */
export function reauthenticateBody(
  plan: FlowPlan,
  current: PlatformInstance,
  callback: GrantCallback,
  dataCenter: ZohoDataCenter | undefined,
): InstanceBody {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current.configuration ?? {})) {
    if (!USER_TOKEN_KEYS.includes(key)) kept[key] = value;
  }
  return {
    element: { key: current.element?.key ?? plan.elementKey },
    name: current.name,
    tags: current.tags ?? [],
    configuration: {
      ...kept,
      ...plan.extraConfiguration,
      ...plan.eventsConfiguration,
      ...oauthConfiguration(plan, dataCenter),
    },
    providerData: providerData(callback, dataCenter),
  };
}
