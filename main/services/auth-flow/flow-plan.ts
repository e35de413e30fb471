// Turns a start request into a flow plan before anything is sent: the tenant, the OAuth client,
// the callback door, the state and the step 3 configuration extras. Every input problem fails here.
import { randomBytes } from 'node:crypto';
import { FlowStartSchema, type FlowStart } from '../../../preload/contract';
import { presetFor, type ElementPreset } from '../elements/element-presets';
import { eventsConfiguration, type ConfigurationEntries } from '../elements/events-configuration';
import { AppFailure } from '../errors';
import { isSafeRemoteUrl } from '../net/safe-url';
import type { TenantContext, TenantResolver } from '../tenants/tenant-context';
import { PROTOCOL_CALLBACK, isWellFormedState } from './parse-callback';

export type CallbackDoor = 'protocol' | 'loopback' | 'paste';

export interface FlowPlan {
  flowId: string;
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

function invalid(message: string): AppFailure {
  return new AppFailure('invalid_input', message);
}

/** The door the vendor's redirect will come through, from the callback URL's shape. */
export function doorOf(callbackUrl: string): CallbackDoor {
  const url = new URL(callbackUrl);
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'))
    return 'loopback';
  return callbackUrl.startsWith(PROTOCOL_CALLBACK) ? 'protocol' : 'paste';
}

function checkCallbackUrl(callbackUrl: string): CallbackDoor {
  if (callbackUrl.startsWith(PROTOCOL_CALLBACK)) {
    const url = new URL(callbackUrl);
    if (url.host !== 'oauth' || url.pathname !== '/callback') {
      throw invalid(`A callback URL for this app must be exactly ${PROTOCOL_CALLBACK}.`);
    }
    return 'protocol';
  }
  if (!isSafeRemoteUrl(callbackUrl)) {
    throw new AppFailure(
      'insecure_url',
      `The callback URL must be https, http to 127.0.0.1 or localhost, or ${PROTOCOL_CALLBACK}.`,
    );
  }
  const door = doorOf(callbackUrl);
  if (door === 'loopback' && new URL(callbackUrl).port === '') {
    throw invalid('A loopback callback URL needs a port, e.g. http://127.0.0.1:53682/oauth/callback.');
  }
  return door;
}

function userConfiguration(configuration: Record<string, string>): ConfigurationEntries {
  const entries: ConfigurationEntries = {};
  for (const [key, value] of Object.entries(configuration)) {
    const name = key.trim();
    if (name === '') continue;
    if (
      BASE_URL_KEYS.includes(name) &&
      value.trim() !== '' &&
      !value.trim().toLowerCase().startsWith('https:')
    ) {
      throw invalid(`${name} must be an https URL.`);
    }
    entries[name] = value.trim();
  }
  return entries;
}

export function parseStartInput(raw: FlowStart) {
  const parsed = FlowStartSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw invalid(`The flow could not start (${where}${issue?.message ?? 'invalid input'}).`);
  }
  return parsed.data;
}

export async function planFlow(raw: FlowStart, tenants: TenantResolver): Promise<FlowPlan> {
  const input = parseStartInput(raw);
  const door = checkCallbackUrl(input.callbackUrl);
  const state = input.state?.trim() || randomBytes(24).toString('base64url');
  if (!isWellFormedState(state)) {
    throw invalid('The state may use printable characters only, without spaces or quotes.');
  }
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
  return {
    flowId: randomBytes(9).toString('base64url'),
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
