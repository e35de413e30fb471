// Turns a start request into a flow plan before anything is sent: the tenant, the OAuth client,
// the callback door, the state and the step 3 configuration extras. Every input problem fails here.
import { randomBytes } from '../lazy-crypto';
import type { FlowStartInput } from '../../../common/contract';
import type { CallbackDoor } from '../../../common/urls';
import { presetFor, type ElementPreset } from '../elements/element-presets';
import { eventsConfiguration, type ConfigurationEntries } from '../elements/events-configuration';
import { AppFailure } from '../errors';
import { httpsUrlProblem, stateProblem } from '../../../common/urls';
import { assertCallbackUrl } from '../net/safe-url';
import type { TenantContext, TenantResolver } from '../tenants/tenant-context';

export interface FlowPlan {
  flowId: string;
  /** A tag the POST carries, unique to this flow: after a lost answer it ties an instance to this request. */
  marker: string;
  tenant: TenantContext;
  elementKey: string;
  instanceName: string;
  tags: string[];
  preset: ElementPreset;
  /** OAuth client of step 1 and 3; the secret stays in main and in this plan only. */
  apiKey: string;
  apiSecret: string;
  /** Sent byte for byte in step 1 and as oauth.callback.url in step 3. */
  callbackUrl: string;
  scope: string;
  state: string;
  door: CallbackDoor;
  /** User configuration and events settings for step 3. */
  extraConfiguration: ConfigurationEntries;
  eventsConfiguration: ConfigurationEntries;
  /** Events signature key, kept in the keychain after success. */
  signatureKey?: string;
  reauthenticateInstanceId?: number;
}

const BASE_URL_KEYS = ['oauth.base.url', 'api.base.url'];

/** The marker tag's prefix: the rest is the flow id. */
export const REQUEST_TAG_PREFIX = 'element-auth-request:';

function invalid(message: string): AppFailure {
  return new AppFailure('invalid_input', message);
}

function userConfiguration(configuration: Record<string, string>): ConfigurationEntries {
  const entries: ConfigurationEntries = {};
  for (const [key, value] of Object.entries(configuration)) {
    const name = key.trim();
    if (name === '') continue;
    if (BASE_URL_KEYS.includes(name) && value.trim() !== '' && httpsUrlProblem(value)) {
      throw invalid(`${name} must be an https URL.`);
    }
    entries[name] = value.trim();
  }
  return entries;
}

/** Plans a flow from a parsed flow.start input (the router and the CLI parse it with the contract). */
export async function planFlow(input: FlowStartInput, tenants: TenantResolver): Promise<FlowPlan> {
  const { door } = assertCallbackUrl(input.callbackUrl);
  const typedState = stateProblem(input.state ?? '');
  if (typedState) throw invalid(typedState);
  const state = input.state?.trim() || randomBytes(24).toString('base64url');
  const preset = presetFor(input.elementKey);
  const events = input.events ? eventsConfiguration(input.events) : {};
  const extraConfiguration = userConfiguration(input.configuration);
  const tenant = await tenants.resolve(input.tenant);
  const app = input.oauthAppId ? await tenants.oauthApp(tenant.tenantId, input.oauthAppId) : undefined;
  const apiKey = input.apiKey?.trim() || app?.clientId || '';
  const apiSecret = input.apiSecret || app?.clientSecret || '';
  if (!apiKey) throw invalid('Enter the OAuth client id, or choose a saved OAuth app.');
  if (!apiSecret) throw invalid('Enter the OAuth client secret, or choose a saved OAuth app.');
  const signatureKey = input.events?.enabled ? input.events.signatureKey.trim() : '';
  const flowId = randomBytes(9).toString('base64url');
  return {
    flowId,
    marker: `${REQUEST_TAG_PREFIX}${flowId}`,
    tenant,
    elementKey: input.elementKey,
    instanceName: input.instanceName,
    tags: input.tags,
    preset,
    apiKey,
    apiSecret,
    callbackUrl: input.callbackUrl,
    scope: input.scope?.trim() || app?.scope?.trim() || preset.defaultScope,
    state,
    door,
    extraConfiguration,
    eventsConfiguration: events,
    ...(signatureKey ? { signatureKey } : {}),
    ...(input.reauthenticateInstanceId ? { reauthenticateInstanceId: input.reauthenticateInstanceId } : {}),
  };
}
