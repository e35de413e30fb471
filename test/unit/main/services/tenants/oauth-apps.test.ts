// Tests of OAuthApps over a real TenantRegistry in a temp data folder and the in-memory keychain:
// the client secret rule, the callback URL rule, unique names per tenant, and removal with its secret.
import { afterAll, describe, expect, it } from 'vitest';
import { OAuthAppSaveSchema, type OAuthAppSave } from '../../../../../common/contract';
import { silentLogger } from '../../../../../main/services/ports';
import { noActivity } from '../../../../../main/services/activity/activity-log';
import { OAuthApps, type OAuthAppSaveInput } from '../../../../../main/services/tenants/oauth-apps';
import { secretAccounts } from '../../../../../main/services/tenants/secret-accounts';
import { TenantRegistry } from '../../../../../main/services/tenants/tenant-registry';
import { IndexedSecretStore } from '../../../../../main/services/tenants/secret-index';
import { MemorySecretStore } from '../../../../fakes/memory-secret-store';
import { removeDir, tempDataDir } from '../../../../integration/tenants-support';
import { tenantRecord } from '../../../../support/tenant-record';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

const NOW = Date.UTC(2024, 4, 17, 9, 30);
const SECRET = 'client-secret-0123456789';

const tenant = (id: string, name: string) => tenantRecord(id, name, NOW);

async function setup() {
  const dataDir = await tempDataDir('oauth-apps');
  dirs.push(dataDir);
  const registry = new TenantRegistry({
    dataDir,
    clock: { now: () => NOW },
    log: silentLogger,
    onRecovered: () => {},
  });
  await registry.update((data) => {
    data.tenants.push(tenant('t1', 'Acme'), tenant('t2', 'Globex'));
    data.activeTenantId = 't1';
  });
  const secrets = new MemorySecretStore();
  let next = 0;
  const changes: number[] = [];
  const apps = new OAuthApps({
    registry,
    secrets: new IndexedSecretStore(secrets, registry),
    clock: { now: () => NOW },
    newId: () => `app-${++next}`,
    changed: async () => changes.push(next),
    activity: noActivity,
  });
  return { apps, registry, secrets, changes };
}

const input = (overrides: Partial<OAuthAppSave> = {}): OAuthAppSaveInput =>
  OAuthAppSaveSchema.parse({
    name: 'Zoho prod',
    clientId: '1000.CLIENT',
    clientSecret: SECRET,
    callbackUrl: 'element-auth://oauth/callback',
    ...overrides,
  });

describe('OAuthApps.save: a new app', () => {
  it('saves to the active tenant, the secret in the keychain only, a hint in the view and the file', async () => {
    const { apps, registry, secrets, changes } = await setup();
    const view = await apps.save(input({ scope: '  ZohoCRM.modules.ALL ' }));
    expect(view).toEqual({
      id: 'app-1',
      tenantId: 't1',
      name: 'Zoho prod',
      clientId: '1000.CLIENT',
      callbackUrl: 'element-auth://oauth/callback',
      scope: 'ZohoCRM.modules.ALL',
      clientSecretHint: '••••6789',
    });
    expect(secrets.items.get(secretAccounts.oauthAppSecret('t1', 'app-1'))).toBe(SECRET);
    expect(JSON.stringify(await registry.read())).not.toContain(SECRET);
    expect(changes).toHaveLength(1);
    expect(await apps.get('t1', 'app-1')).toMatchObject({ clientId: '1000.CLIENT', clientSecret: SECRET });
  });

  it.each([undefined, '', '   '])(
    'refuses a new app without a client secret (%j) and keeps nothing',
    async (clientSecret) => {
      const { apps, registry, secrets } = await setup();
      await expect(apps.save(input({ clientSecret }))).rejects.toMatchObject({
        code: 'invalid_input',
        message: 'Enter the client secret of the OAuth app.',
      });
      expect((await registry.read()).oauthApps).toEqual([]);
      expect(secrets.items.size).toBe(0);
    },
  );
});

describe('OAuthApps.save: the callback URL rule', () => {
  it.each([
    ['element-auth://oauth/callback'],
    ['https://auth.example.com/oauth/callback'],
    ['http://127.0.0.1:53682/callback'],
    ['http://localhost:8080/cb'],
    ['http://[::1]:9000/cb'],
  ])('takes %s', async (callbackUrl) => {
    const { apps } = await setup();
    expect((await apps.save(input({ callbackUrl }))).callbackUrl).toBe(callbackUrl);
  });

  it.each([
    ['http://auth.example.com/cb', 'insecure_url', 'Plain http is only for this computer'],
    ['ftp://auth.example.com/cb', 'insecure_url', 'Use https://…'],
    ['http://127.0.0.1/callback', 'invalid_input', 'Add the port the local listener should use'],
    ['http://127.0.0.2:8080/cb', 'invalid_input', 'A local callback uses 127.0.0.1, localhost or [::1].'],
    [
      'element-auth://other/callback',
      'invalid_input',
      "The app's own callback is exactly element-auth://oauth/callback.",
    ],
    [
      'https://user:pw@auth.example.com/cb',
      'invalid_input',
      'Leave the user name and password out of the callback URL.',
    ],
    ['not a url', 'invalid_input', 'This is not a URL.'],
  ])('refuses %s with %s, in the contract and in the service', async (callbackUrl, code, sentence) => {
    expect(() => input({ callbackUrl })).toThrow(sentence);
    const { apps, registry } = await setup();
    const raw = { ...input(), callbackUrl };
    await expect(apps.save(raw)).rejects.toMatchObject({ code, message: expect.stringContaining(sentence) });
    expect((await registry.read()).oauthApps).toEqual([]);
  });
});

describe('OAuthApps.save: editing', () => {
  it.each([undefined, ''])('keeps the stored secret when the edit leaves it %j', async (clientSecret) => {
    const { apps, secrets } = await setup();
    await apps.save(input());
    const view = await apps.save(input({ id: 'app-1', clientSecret, name: 'Zoho EU', clientId: '1000.EU' }));
    expect(view).toMatchObject({
      id: 'app-1',
      name: 'Zoho EU',
      clientId: '1000.EU',
      clientSecretHint: '••••6789',
    });
    expect(secrets.items.get(secretAccounts.oauthAppSecret('t1', 'app-1'))).toBe(SECRET);
  });

  it('replaces the stored secret when a new one is typed', async () => {
    const { apps, secrets } = await setup();
    await apps.save(input());
    const view = await apps.save(input({ id: 'app-1', clientSecret: 'another-secret-ABCDEF' }));
    expect(view.clientSecretHint).toBe('••••CDEF');
    expect(secrets.items.get(secretAccounts.oauthAppSecret('t1', 'app-1'))).toBe('another-secret-ABCDEF');
  });

  it('leaves the stored secret untouched when the edit is refused', async () => {
    const { apps, secrets } = await setup();
    await apps.save(input());
    await apps.save(input({ name: 'Zoho EU' }));
    await expect(
      apps.save(input({ id: 'app-2', name: 'zoho prod', clientSecret: 'new-secret-0000' })),
    ).rejects.toMatchObject({
      code: 'oauth_app_exists',
    });
    expect(secrets.items.get(secretAccounts.oauthAppSecret('t1', 'app-2'))).toBe(SECRET);
  });

  it('refuses to move an app to another tenant', async () => {
    const { apps } = await setup();
    await apps.save(input());
    await expect(apps.save(input({ id: 'app-1', tenantId: 't2' }))).rejects.toMatchObject({
      code: 'oauth_app_not_found',
      message: 'That OAuth app does not belong to Acme.',
    });
  });
});

describe('OAuthApps: names are unique per tenant', () => {
  it('refuses the same name in the same tenant, whatever the case, and takes it in another', async () => {
    const { apps } = await setup();
    await apps.save(input());
    await expect(apps.save(input({ name: ' ZOHO prod ' }))).rejects.toMatchObject({
      code: 'oauth_app_exists',
      message: 'Acme already has an OAuth app named “Zoho prod”. Choose another name.',
    });
    const globex = await apps.save(input({ tenantId: 't2' }));
    expect(globex.tenantId).toBe('t2');
    expect((await apps.list('t1')).map((app) => app.name)).toEqual(['Zoho prod']);
    expect((await apps.list('Globex')).map((app) => app.id)).toEqual([globex.id]);
    expect((await apps.list()).map((app) => app.id)).toEqual(['app-1']);
  });
});

describe('OAuthApps.remove', () => {
  it('removes the app and its keychain item, and leaves the others', async () => {
    const { apps, secrets, changes } = await setup();
    await apps.save(input());
    await apps.save(input({ name: 'Zoho EU', clientSecret: 'eu-secret-0123456789' }));
    await apps.remove('app-1');
    expect((await apps.list()).map((app) => app.id)).toEqual(['app-2']);
    expect([...secrets.items.keys()]).toEqual([secretAccounts.oauthAppSecret('t1', 'app-2')]);
    expect(changes).toHaveLength(3);
    await expect(apps.get('t1', 'app-1')).rejects.toMatchObject({ code: 'oauth_app_not_found' });
  });

  it('says a removed app does not exist any more', async () => {
    const { apps } = await setup();
    await expect(apps.remove('app-9')).rejects.toMatchObject({
      code: 'oauth_app_not_found',
      message: 'That saved OAuth app does not exist (any more).',
    });
  });

  it('says the client secret is gone when the keychain lost it', async () => {
    const { apps, secrets } = await setup();
    await apps.save(input());
    secrets.items.clear();
    await expect(apps.get('t1', 'app-1')).rejects.toMatchObject({
      code: 'secret_missing',
      message:
        'The client secret of the OAuth app “Zoho prod” is not in the keychain any more. Enter it again.',
    });
  });
});
