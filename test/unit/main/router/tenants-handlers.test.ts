// The 'tenants.*' channels through the real router: validated input, views with hints only,
// secrets copied to the clipboard in main, the flow_pending question, and the changed event.
import { afterAll, describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../../main/router/router';
import { tenantsHandlers } from '../../../../main/router/tenants-handlers';
import { TenantSwitch } from '../../../../main/services/tenant-switch';
import { silentLogger, systemClock } from '../../../../main/services/ports';
import { noActivity } from '../../../../main/services/activity/activity-log';
import { TenantSharing } from '../../../../main/services/tenants/tenant-sharing';
import {
  buildTenants,
  FakeFlow,
  MemorySecretStore,
  ORG_SECRET,
  removeDir,
  tempDataDir,
  USER_SECRET,
} from '../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

async function setup() {
  const dataDir = await tempDataDir('tenants-handlers');
  dirs.push(dataDir);
  const flow = new FakeFlow();
  const { service, events } = buildTenants({ dataDir, secretStore: new MemorySecretStore() });
  const copied: string[] = [];
  const router = createRouter(
    tenantsHandlers(service, new TenantSwitch(service, flow), {
      clipboard: { writeText: (text) => copied.push(text) },
      dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
      sharing: new TenantSharing({
        registry: service.keychain.registry,
        stores: service.secrets,
        clock: systemClock,
        activity: noActivity,
      }),
    }) as Handlers,
    silentLogger,
  );
  return { router, copied, events, flow };
}

const acme = { name: 'Acme', environment: 'us', orgSecret: ORG_SECRET, userSecret: USER_SECRET };

describe('tenants channels', () => {
  it('adds and lists tenants without a secret ever reaching the renderer', async () => {
    const { router, events } = await setup();
    const added = await router.invoke('tenants.add', { ...acme, color: '#e8590c' });
    const listed = await router.invoke('tenants.list', undefined);

    for (const answer of [added, listed, ...events.sent.map((sent) => sent.payload)]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(ORG_SECRET);
      expect(text).not.toContain(USER_SECRET);
    }
    expect(listed).toMatchObject({
      ok: true,
      value: {
        tenants: [{ name: 'Acme', orgSecretHint: '••••ABCD', color: '#e8590c' }],
        notice: null,
        oauthApps: [],
      },
    });
    expect(events.of('tenants.changed')).toHaveLength(1);
  });

  it('refuses a nameless tenant or a bad colour before anything is stored', async () => {
    const { router } = await setup();
    expect(await router.invoke('tenants.add', { ...acme, name: '   ' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('Give the tenant a name, e.g. the customer and environment.'),
      },
    });
    expect(await router.invoke('tenants.add', { ...acme, color: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await router.invoke('tenants.list', undefined)).toMatchObject({
      ok: true,
      value: { tenants: [] },
    });
  });

  it('copies a secret to the clipboard in main and answers null', async () => {
    const { router, copied } = await setup();
    const added = await router.invoke('tenants.add', acme);
    const id = added.ok ? (added.value as { id: string }).id : '';

    expect(await router.invoke('tenants.copySecret', { id, which: 'user' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await router.invoke('tenants.copySecret', { id, which: 'org' })).toEqual({
      ok: true,
      value: null,
    });
    expect(copied).toEqual([USER_SECRET, ORG_SECRET]);
  });

  it('answers flow_pending with the sentence, then switches when told to abandon the flow', async () => {
    const { router, flow } = await setup();
    await router.invoke('tenants.add', acme);
    const globex = await router.invoke('tenants.add', { ...acme, name: 'Globex' });
    const id = globex.ok ? (globex.value as { id: string }).id : '';
    flow.view = {
      step: 'creating',
      flowId: 'f1',
      tenantId: 'other',
      tenantName: 'Acme',
      instanceName: 'Acme CRM',
      codeExpiresAt: 0,
    };

    expect(await router.invoke('tenants.use', { id })).toEqual({
      ok: false,
      error: {
        code: 'flow_pending',
        message:
          'The flow creating “Acme CRM” for Acme is creating the instance right now. Switching to Globex cancels it.',
      },
    });
    expect(await router.invoke('tenants.use', { id, abandonPendingFlow: true })).toMatchObject({
      ok: true,
      value: { activeTenantId: id },
    });
  });

  it('saves an OAuth app and shows only the client secret hint', async () => {
    const { router } = await setup();
    await router.invoke('tenants.add', acme);
    const saved = await router.invoke('tenants.saveOAuthApp', {
      name: 'Zoho',
      clientId: '1000.X',
      clientSecret: 'client-secret-value-1234',
      callbackUrl: 'http://127.0.0.1:53682/oauth/callback',
    });
    expect(JSON.stringify(saved)).not.toContain('client-secret-value');
    expect(await router.invoke('tenants.listOAuthApps', undefined)).toMatchObject({
      ok: true,
      value: [{ name: 'Zoho', clientSecretHint: '••••1234', scope: null }],
    });
  });

  it('refuses to share a keychain tenant and to join a file that is not a shared tenant, in plain words', async () => {
    const { router } = await setup();
    const added = await router.invoke('tenants.add', acme);
    if (!added.ok) throw new Error(added.error.message);
    const shared = await router.invoke('tenants.share', { id: (added.value as { id: string }).id });
    expect(shared).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining("Acme's secrets are in this computer's keychain"),
      },
    });
    const joined = await router.invoke('tenants.join', { document: '{"format":"something else"}' });
    expect(joined).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('That file is not a shared tenant') },
    });
    const empty = await router.invoke('tenants.join', { document: '' });
    expect(empty).toMatchObject({ ok: false, error: { message: 'Paste the shared tenant file.' } });
  });
});
