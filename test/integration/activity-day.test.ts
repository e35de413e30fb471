// A whole day of a consultant's actions through the app's services and router (fake platform, real
// keychain): each leaves one activity line, in order, from the app; no log file holds any secret used.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearKeychain } from '../support/keychain-items';
import type { ActivityList, FlowView } from '../../common/contract';
import { createAppRouter, type Router } from '../../main/router/index';
import { ZOHO_CRM_V2_PRESET } from '../../main/services/elements/element-presets';
import type { Services } from '../../main/services/index';
import { silentLogger } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { readTree } from '../support/read-tree';
import { appServices, secretValuesOf } from './instances-support';

const CALLBACK = 'https://auth.example.com/oauth/callback';
const SECRETS = {
  org: 'org-secret-DAY-0123456789',
  firstUser: 'user-secret-DAY-first-4711',
  user: 'user-secret-DAY-rotated-0815',
  client: 'client-secret-DAY-saved-abcdef',
  editedClient: 'client-secret-DAY-edited-ghijkl',
  typedClient: 'client-secret-DAY-typed-mnopqr',
  signature: 'signature-key-DAY-stuvwx',
};

let platform: FakePlatform;
let secrets: KeytarSecretStore;
let dataDir: string;
let exportDir: string;
let services: Services;
let router: Router;
let savePath = '';
const clipboard: string[] = [];
/** Every secret value the day handled: tokens, refresh tokens and codes are added as they appear. */
const used = new Set<string>(Object.values(SECRETS));

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function consentAndPaste(view: FlowView): Promise<FlowView> {
  if (view.step !== 'awaiting-consent') throw new Error(`expected awaiting-consent, got ${view.step}`);
  const response = await fetch(view.authUrl, { redirect: 'manual' });
  return call<FlowView>('flow.paste', { url: response.headers.get('location') ?? '' });
}

function rememberPlatformSecrets(): void {
  for (const instance of platform.instances.values())
    for (const value of secretValuesOf(instance)) used.add(value);
  for (const request of platform.requests) {
    const code = (request.body as { providerData?: { code?: unknown } } | undefined)?.providerData?.code;
    if (typeof code === 'string') used.add(code);
  }
}

beforeAll(async () => {
  platform = await startFakePlatform({ orgSecret: SECRETS.org, userSecret: SECRETS.user });
  secrets = new KeytarSecretStore(`element-auth-test-activity-day-${randomBytes(6).toString('hex')}`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-activity-day-'));
  exportDir = await mkdtemp(path.join(tmpdir(), 'element-auth-activity-day-export-'));
  services = appServices(dataDir, secrets, { now: () => Date.now() });
  router = createAppRouter(services, {
    clipboard: { writeText: (text) => clipboard.push(text) },
    dialogs: { chooseSavePath: async () => savePath, chooseOpenPath: async () => null },
    log: silentLogger,
  });
});

afterAll(async () => {
  await platform.close();
  clearKeychain(secrets.service);
  await rm(dataDir, { recursive: true, force: true });
  await rm(exportDir, { recursive: true, force: true });
});

describe('a whole day of actions', () => {
  it('leaves one line per action, in order, and never a secret', async () => {
    const acme = await call<{ id: string }>('tenants.add', {
      name: 'Acme Corp',
      environment: 'custom',
      customUrl: platform.baseUrl,
      orgSecret: SECRETS.org,
      userSecret: SECRETS.firstUser,
    });
    await call('tenants.update', { id: acme.id, userSecret: SECRETS.user });
    await call('tenants.update', { id: acme.id, color: '#1c7ed6' });
    const app = await call<{ id: string }>('tenants.saveOAuthApp', {
      tenantId: acme.id,
      name: 'Acme Zoho app',
      clientId: 'saved-client-id',
      clientSecret: SECRETS.client,
      callbackUrl: CALLBACK,
    });
    await call('tenants.saveOAuthApp', {
      id: app.id,
      name: 'Acme Zoho app',
      clientId: 'saved-client-id',
      clientSecret: SECRETS.editedClient,
      callbackUrl: CALLBACK,
    });
    const created = await consentAndPaste(
      await call<FlowView>('flow.start', {
        elementKey: 'zohocrmv2',
        instanceName: 'Acme Zoho',
        oauthAppId: app.id,
        callbackUrl: CALLBACK,
        events: { ...ZOHO_CRM_V2_PRESET.defaultEvents, enabled: true, signatureKey: SECRETS.signature },
      }),
    );
    if (created.step !== 'done') throw new Error(created.step);
    const id = created.instance.id;
    await call('flow.copyToken');
    rememberPlatformSecrets();
    expect(await call('instances.test', { id, tenantId: acme.id })).toMatchObject({ ok: true });
    const redone = await consentAndPaste(
      await call<FlowView>('flow.start', {
        elementKey: 'zohocrmv2',
        instanceName: 'Acme Zoho',
        apiKey: 'typed-client-id',
        apiSecret: SECRETS.typedClient,
        callbackUrl: CALLBACK,
        reauthenticateInstanceId: id,
      }),
    );
    expect(redone).toMatchObject({ step: 'done', reauthenticated: true });
    rememberPlatformSecrets();
    const waiting = await call<FlowView>('flow.start', {
      elementKey: 'zohocrmv2',
      instanceName: 'Refused',
      oauthAppId: app.id,
      callbackUrl: CALLBACK,
    });
    platform.behaviour.failNext = { status: 400, message: 'Invalid configuration' };
    expect(await consentAndPaste(waiting)).toMatchObject({ step: 'failed' });
    rememberPlatformSecrets();
    savePath = path.join(exportDir, 'acme.json');
    await call('instances.export', { ids: [id], includeSecrets: true, tenantId: acme.id });
    await call('instances.copyToken', { id, tenantId: acme.id });
    await call('tenants.copySecret', { id: acme.id, which: 'org' });
    rememberPlatformSecrets();
    await call('instances.delete', { id, confirmName: 'Acme Zoho', tenantId: acme.id });
    await call('tenants.removeOAuthApp', { id: app.id });
    const globex = await call<{ id: string }>('tenants.add', {
      name: 'Globex',
      environment: 'us',
      orgSecret: SECRETS.org,
      userSecret: SECRETS.user,
    });
    await call('tenants.remove', { id: globex.id, keepActivity: false });
    await call('tenants.remove', { id: acme.id });

    const activity = await call<ActivityList>('activity.list', { tenantId: acme.id });
    expect(activity.chain).toEqual({ ok: true });
    expect(activity.entries.map((entry) => [entry.action, entry.outcome]).reverse()).toEqual([
      ['tenant.added', 'ok'],
      ['tenant.secrets-rotated', 'ok'],
      ['tenant.updated', 'ok'],
      ['oauth-app.saved', 'ok'],
      ['oauth-app.saved', 'ok'],
      ['instance.created', 'ok'],
      ['instance.token-copied', 'ok'],
      ['instance.tested', 'ok'],
      ['instance.reauthenticated', 'ok'],
      ['instance.created', 'failed'],
      ['instances.exported', 'ok'],
      ['instance.token-copied', 'ok'],
      ['tenant.secret-copied', 'ok'],
      ['instance.deleted', 'ok'],
      ['oauth-app.removed', 'ok'],
      ['tenant.removed', 'ok'],
    ]);
    expect(new Set(activity.entries.map((entry) => entry.source))).toEqual(new Set(['app']));
    const byAction = (action: string) => activity.entries.find((entry) => entry.action === action);
    expect(byAction('instances.exported')).toMatchObject({
      details: { instanceIds: [id], secretsIncluded: true, to: savePath },
    });
    expect(byAction('instance.deleted')).toMatchObject({ instanceId: id, instanceName: 'Acme Zoho' });
    expect(byAction('tenant.secrets-rotated')).toMatchObject({ details: { rotated: 'user' } });
    const failed = activity.entries.find((entry) => entry.outcome === 'failed');
    expect(failed).toMatchObject({ instanceName: 'Refused', details: { code: 'platform_bad_request' } });
    expect(failed?.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const tree = await readTree(dataDir);
    const logs = [...tree.keys()].filter((name) => name.startsWith('activity'));
    expect(logs.filter((name) => name.endsWith('.jsonl'))).toEqual([
      path.join('activity', `${acme.id}.jsonl`),
    ]);
    expect(used.size).toBeGreaterThan(Object.keys(SECRETS).length + 3);
    for (const [name, text] of tree) {
      for (const secret of used) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
    }

    savePath = path.join(exportDir, 'acme-activity.csv');
    expect(await call('activity.export', { tenantId: acme.id, action: 'instance.token-copied' })).toEqual({
      path: savePath,
      count: 2,
    });
    const csv = (await readFile(savePath, 'utf8')).split('\r\n');
    expect(csv[0]).toBe('time,action,outcome,source,tenant,instance id,instance name,request id,details');
    expect(csv.slice(1).filter(Boolean)).toHaveLength(2);
  });
});
