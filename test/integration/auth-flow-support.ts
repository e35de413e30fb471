// Test support for the auth-flow tests: the fake platform, a unique keychain service, a small
// TenantResolver over the keychain, an AuthFlow with recorded events, and the consent played by fetch.
import { randomBytes } from 'node:crypto';
import { AuthFlow } from '../../main/services/auth-flow/auth-flow';
import type { PlatformClientOptions } from '../../main/services/cloud-elements/platform-client';
import { platformClientFactory } from '../../main/services/cloud-elements/platform-client-factory';
import { directTransport } from '../../main/services/net/http-transport';
import { AppFailure } from '../../main/services/errors';
import { createServices, type Services } from '../../main/services/index';
import { silentLogger, type EventSink, type Logger, type SecretStore } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import type { SavedOAuthApp, TenantResolver } from '../../main/services/tenants/tenant-context';
import { FlowStartSchema, type FlowStart, type FlowStartInput, type FlowView } from '../../common/contract';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { failureOf } from '../support/failure-of';
import { clearKeychain } from '../support/keychain-items';

export const TENANT_ID = 'acme';
export const CLIENT = { apiKey: 'zoho-client-id-1', apiSecret: 'zoho-client-secret-1' };
export const SAVED_APP: Omit<SavedOAuthApp, 'clientSecret'> = {
  id: 'app-1',
  name: 'Acme Zoho app',
  clientId: 'saved-client-id',
  callbackUrl: 'https://auth.example.com/oauth/callback',
};
const SAVED_APP_SECRET = 'saved-client-secret-XYZ';

export interface Emitted {
  event: string;
  payload: unknown;
}

export interface FlowWorld {
  platform: FakePlatform;
  flow: AuthFlow;
  secrets: KeytarSecretStore;
  /** The shared clock of the fake and the flow; tests move it. */
  now: number;
  emitted: Emitted[];
  opened: string[];
  views(): FlowView[];
  tokenAccount(id: number): string;
  /** Every secret the world knows: none may appear in an event. */
  knownSecrets(): string[];
  close(): Promise<void>;
}

export interface WorldOptions {
  userSecret?: string;
  consentWaitMs?: number;
  client?: PlatformClientOptions;
  log?: Logger;
}

/** A small TenantResolver over the keychain, standing in for the tenants service. */
function keychainResolver(secrets: KeytarSecretStore, baseUrl: string): TenantResolver {
  return {
    async resolve() {
      const orgSecret = await secrets.get(secretAccounts.orgSecret(TENANT_ID));
      const userSecret = await secrets.get(secretAccounts.userSecret(TENANT_ID));
      if (!orgSecret || !userSecret) throw new AppFailure('no_active_tenant', 'No tenant.');
      return {
        tenantId: TENANT_ID,
        tenantName: 'Acme Corp',
        environment: 'custom',
        credentials: { baseUrl, orgSecret, userSecret },
        check: { state: 'verified', checkedAt: 0, message: 'Checked before the test.' },
      };
    },
    async verify() {
      throw new AppFailure('internal', 'A verified tenant is not checked again.');
    },
    async oauthApp(tenantId, appId) {
      const clientSecret = await secrets.get(secretAccounts.oauthAppSecret(tenantId, appId));
      if (appId !== SAVED_APP.id || !clientSecret)
        throw new AppFailure('oauth_app_not_found', 'No such app.');
      return { ...SAVED_APP, clientSecret };
    },
  };
}

export async function startFlowWorld(purpose: string, options: WorldOptions = {}): Promise<FlowWorld> {
  const world = { now: Date.UTC(2024, 4, 17, 9, 30), emitted: [], opened: [] } as unknown as FlowWorld;
  const platform = await startFakePlatform({ now: () => world.now });
  const secrets = new KeytarSecretStore(`element-auth-test-${purpose}-${randomBytes(6).toString('hex')}`);
  await secrets.set(secretAccounts.orgSecret(TENANT_ID), 'org-secret-fake');
  await secrets.set(secretAccounts.userSecret(TENANT_ID), options.userSecret ?? 'user-secret-fake');
  await secrets.set(secretAccounts.oauthAppSecret(TENANT_ID, SAVED_APP.id), SAVED_APP_SECRET);
  const events: EventSink = { emit: (event, payload) => world.emitted.push({ event, payload }) };
  const flow = new AuthFlow({
    tenants: keychainResolver(secrets, platform.baseUrl),
    secrets,
    clock: { now: () => world.now },
    openUrl: async (url) => {
      world.opened.push(url);
    },
    events,
    log: options.log ?? silentLogger,
    platformClient: platformClientFactory(directTransport, {
      timeoutMs: 5_000,
      getRetries: 0,
      ...options.client,
    }),
    ...(options.consentWaitMs ? { consentWaitMs: options.consentWaitMs } : {}),
  });
  return Object.assign(world, {
    platform,
    flow,
    secrets,
    views: () => world.emitted.filter((e) => e.event === 'flow.changed').map((e) => e.payload as FlowView),
    tokenAccount: (id: number) => secretAccounts.instanceToken(TENANT_ID, id),
    knownSecrets: () => [
      'org-secret-fake',
      'user-secret-fake',
      CLIENT.apiSecret,
      SAVED_APP_SECRET,
      ...[...platform.instances.values()].map((instance) => instance.token),
      ...platform.requests
        .map(
          (request) => (request.body as { providerData?: { code?: string } } | undefined)?.providerData?.code,
        )
        .filter((code): code is string => typeof code === 'string'),
    ],
    async close() {
      if (flow.get().step === 'creating') await flow.settled();
      await flow.reset();
      await platform.close();
      if (secrets) clearKeychain(secrets.service);
    },
  });
}

export { freePort } from '../support/free-port';

/** The code and sentence a call was refused with (it must be refused with an AppFailure). */
export async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  const { code, message } = await failureOf(run());
  return { code, message };
}

/** The services as the app builds them, on a data folder and a keychain service (two calls: two processes). */
export function appServices(dataDir: string, secretStore: SecretStore): Services {
  return createServices({
    appInfo: { name: 'Element Authenticator', version: '0.0.0-test', platform: process.platform },
    dataDir,
    secretStore,
    clock: { now: () => Date.now() },
    openUrl: async () => {},
    events: { emit: () => {} },
    log: silentLogger,
    transport: directTransport,
    platform: { timeoutMs: 5_000, getRetries: 0 },
  });
}

/** A flow.start input as the renderer or the CLI sends it, before the contract parses it. */
export function rawStartInput(callbackUrl: string, extra: Partial<FlowStart> = {}): FlowStart {
  return {
    elementKey: 'zohocrmv2',
    instanceName: 'Acme Zoho',
    apiKey: CLIENT.apiKey,
    apiSecret: CLIENT.apiSecret,
    callbackUrl,
    tags: ['acme'],
    ...extra,
  };
}

/** A flow.start input as the router hands it to the flow: parsed by the contract's schema. */
export function startInput(callbackUrl: string, extra: Partial<FlowStart> = {}): FlowStartInput {
  return FlowStartSchema.parse(rawStartInput(callbackUrl, extra));
}

/** Step 2 as the vendor plays it: follow the authorization URL once and return the redirect. */
export async function consent(view: FlowView, extra = ''): Promise<string> {
  if (view.step !== 'awaiting-consent') throw new Error(`expected awaiting-consent, got ${view.step}`);
  const response = await fetch(`${view.authUrl}${extra}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`consent answered ${response.status}`);
  return location;
}

/** The redirect as a hosted page would forward it to the app: element-auth://oauth/callback?... */
export function asDeepLink(location: string): string {
  return `element-auth://oauth/callback${new URL(location).search}`;
}

export function withParam(location: string, name: string, value: string): string {
  const url = new URL(location);
  url.searchParams.set(name, value);
  return url.toString();
}

export function instanceRequests(world: FlowWorld) {
  return world.platform.requests.filter((request) => request.path.startsWith('/instances'));
}

/** Fails if any secret the world knows appears in any pushed event. */
export function leakedSecrets(world: FlowWorld): string[] {
  const pushed = JSON.stringify(world.emitted);
  return world.knownSecrets().filter((secret) => secret && pushed.includes(secret));
}
