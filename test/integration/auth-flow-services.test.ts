// The flow as the app builds it: createServices with the real tenants service as TenantResolver,
// the app router, a saved OAuth app, and switching tenant while a flow is pending.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRouter, type Router } from '../../main/router/index';
import type { Services } from '../../main/services/index';
import { silentLogger } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import type { FlowView } from '../../common/contract';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { appServices, consent } from './auth-flow-support';
import { clearKeychain } from '../support/keychain-items';

const CALLBACK = 'https://auth.example.com/oauth/callback';
let platform: FakePlatform;
let secrets: KeytarSecretStore;
let dataDir: string;
let services: Services;
let router: Router;
const clipboard: string[] = [];

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  platform = await startFakePlatform();
  secrets = new KeytarSecretStore(`element-auth-test-flow-services-${randomBytes(6).toString('hex')}`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-flow-services-'));
  services = appServices(dataDir, secrets);
  router = createAppRouter(services, {
    clipboard: { writeText: (text) => clipboard.push(text) },
    dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
    log: silentLogger,
  });
});

afterEach(async () => {
  if (services.flow.get().step === 'creating') await services.flow.settled();
  await services.flow.reset();
  await platform.close();
  if (secrets) clearKeychain(secrets.service);
  await rm(dataDir, { recursive: true, force: true });
});

async function addTenant(name: string) {
  return services.tenants.add({
    name,
    environment: 'custom',
    customUrl: platform.baseUrl,
    orgSecret: 'org-secret-fake',
    userSecret: 'user-secret-fake',
  });
}

describe('auth flow in the app services', () => {
  it('creates an instance for the active tenant with its saved OAuth app, token under that tenant', async () => {
    const tenant = await addTenant('Acme Corp');
    await services.tenants.use({ id: tenant.id });
    const app = await services.tenants.saveOAuthApp({
      name: 'Acme Zoho app',
      clientId: 'saved-client-id',
      clientSecret: 'saved-client-secret-XYZ',
      callbackUrl: CALLBACK,
    });
    const waiting = await call<FlowView>('flow.start', {
      elementKey: 'zohocrmv2',
      instanceName: 'Acme Zoho',
      oauthAppId: app.id,
      callbackUrl: CALLBACK,
    });
    expect(waiting).toMatchObject({ step: 'awaiting-consent', tenantId: tenant.id, tenantName: 'Acme Corp' });
    const done = await call<FlowView>('flow.paste', { url: await consent(waiting, '&dc=eu') });
    if (done.step !== 'done') throw new Error(done.step);
    const token = await secrets.get(secretAccounts.instanceToken(tenant.id, done.instance.id));
    expect(token).toBe(platform.instances.get(done.instance.id)?.token);
    const body = platform.requests.find((request) => request.method === 'POST')?.body as {
      configuration: Record<string, string>;
    };
    expect(body.configuration).toMatchObject({
      'oauth.api.key': 'saved-client-id',
      'oauth.api.secret': 'saved-client-secret-XYZ',
      'oauth.base.url': 'https://accounts.zoho.eu',
    });
  });

  it('asks before switching tenant while a flow waits, and cancels it when the user abandons it', async () => {
    const first = await addTenant('Acme Corp');
    const second = await addTenant('Globex');
    await services.tenants.use({ id: first.id });
    await call('flow.start', {
      elementKey: 'zohocrmv2',
      instanceName: 'Acme Zoho',
      apiKey: 'client-id',
      apiSecret: 'client-secret',
      callbackUrl: CALLBACK,
    });
    const refused = await router.invoke('tenants.use', { id: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'flow_pending' } });
    expect(services.flow.get().step).toBe('awaiting-consent');
    expect(await router.invoke('tenants.use', { id: second.id, abandonPendingFlow: true })).toMatchObject({
      ok: true,
    });
    expect(services.flow.get().step).toBe('cancelled');
  });
});
