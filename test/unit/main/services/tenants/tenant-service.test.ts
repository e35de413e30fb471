// The tenants service's rules with an in-memory keychain: unique names, safe platform URLs,
// no plaintext when the keychain is gone, switching, resolve, OAuth apps.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../../support/failure-of';
import { secretAccounts } from '../../../../../main/services/tenants/secret-accounts';
import {
  buildTenants,
  MemorySecretStore,
  ORG_SECRET,
  readTree,
  removeDir,
  tempDataDir,
  unavailableSecretStore,
  USER_SECRET,
} from '../../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

async function setup() {
  const dataDir = await tempDataDir('tenants-unit');
  dirs.push(dataDir);
  const store = new MemorySecretStore();
  return { dataDir, store, ...buildTenants({ dataDir, secretStore: store }) };
}

const secrets = { orgSecret: ORG_SECRET, userSecret: USER_SECRET };

describe('tenant names', () => {
  it('refuses a duplicate name whatever its case, on add and on rename', async () => {
    const { service } = await setup();
    await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const globex = await service.add({ name: 'Globex', environment: 'us', ...secrets });

    const added = await failureOf(service.add({ name: ' ACME ', environment: 'eu', ...secrets }));
    expect(added.code).toBe('tenant_exists');
    expect(added.message).toContain('“Acme” already exists');
    expect((await failureOf(service.update({ id: globex.id, name: 'acme' }))).code).toBe('tenant_exists');
    expect((await service.update({ id: globex.id, name: 'GLOBEX' })).name).toBe('GLOBEX');
    expect((await service.list()).tenants.map((tenant) => tenant.name)).toEqual(['Acme', 'GLOBEX']);
  });
});

describe('environments', () => {
  it('maps the presets to their platform URLs', async () => {
    const { service } = await setup();
    const urls = [];
    for (const environment of ['us', 'eu', 'staging'] as const) {
      urls.push((await service.add({ name: environment, environment, ...secrets })).baseUrl);
    }
    expect(urls).toEqual([
      'https://api.cloud-elements.com/elements/api-v2',
      'https://api.cloud-elements.co.uk/elements/api-v2',
      'https://staging.cloud-elements.com/elements/api-v2',
    ]);
  });

  it('accepts a custom https or loopback http URL and refuses plain http to any other host', async () => {
    const { service, store } = await setup();
    const plain = await failureOf(
      service.add({
        name: 'Plain',
        environment: 'custom',
        customUrl: 'http://ce.example.com/elements/api-v2',
        ...secrets,
      }),
    );
    expect(plain.code).toBe('insecure_url');
    expect(plain.message).toMatch(/only for this computer/);
    expect(store.items.size).toBe(0);
    expect((await failureOf(service.add({ name: 'None', environment: 'custom', ...secrets }))).code).toBe(
      'invalid_input',
    );

    const local = await service.add({
      name: 'Local',
      environment: 'custom',
      customUrl: 'http://127.0.0.1:8080/elements/api-v2',
      ...secrets,
    });
    expect(local.baseUrl).toBe('http://127.0.0.1:8080/elements/api-v2');
    expect(
      (await failureOf(service.update({ id: local.id, customUrl: 'http://10.0.0.8/elements/api-v2' }))).code,
    ).toBe('insecure_url');
    const moved = await failureOf(service.update({ id: local.id, environment: 'eu' }));
    expect(moved.code).toBe('secret_missing');
    expect(moved.message).toContain('api.cloud-elements.co.uk');
    expect((await service.update({ id: local.id, environment: 'eu', ...secrets })).baseUrl).toBe(
      'https://api.cloud-elements.co.uk/elements/api-v2',
    );
  });
});

describe('keychain unavailable', () => {
  it('fails with keychain_unavailable and writes no metadata, so no plaintext', async () => {
    const dataDir = await tempDataDir('tenants-unit-nokeychain');
    dirs.push(dataDir);
    const { service } = buildTenants({ dataDir, secretStore: unavailableSecretStore });

    const error = await failureOf(service.add({ name: 'Acme', environment: 'us', ...secrets }));

    expect(error.code).toBe('keychain_unavailable');
    expect(existsSync(path.join(dataDir, 'tenants.json'))).toBe(false);
    expect((await readTree(dataDir)).size).toBe(0);
  });

  it('keeps the old secret and hint when a rotation cannot reach the keychain', async () => {
    const { service, store } = await setup();
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    store.set = () => Promise.reject(Object.assign(new Error('locked')));
    await expect(service.update({ id: acme.id, orgSecret: 'a-new-org-secret-9999' })).rejects.toThrow();
    expect((await service.list()).tenants[0]?.orgSecretHint).toBe('••••ABCD');
    expect(await store.get(secretAccounts.orgSecret(acme.id))).toBe(ORG_SECRET);
  });
});

describe('switching tenants', () => {
  it('makes the first tenant active, then switches on request and tells the windows', async () => {
    const { service, events } = await setup();
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const globex = await service.add({ name: 'Globex', environment: 'eu', ...secrets });
    expect((await service.list()).activeTenantId).toBe(acme.id);

    const list = await service.use({ id: globex.id });

    expect(list.activeTenantId).toBe(globex.id);
    expect(events.of('tenants.changed').at(-1)?.activeTenantId).toBe(globex.id);
    expect((await service.resolve()).tenantName).toBe('Globex');
  });
});

describe('resolving the tenant to act on', () => {
  it('finds by id or name, else the active one; says when there is none', async () => {
    const { service } = await setup();
    expect((await failureOf(service.resolve())).code).toBe('no_active_tenant');
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    expect((await service.resolve()).credentials).toEqual({
      baseUrl: acme.baseUrl,
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
    });
    expect((await service.resolve('ACME')).tenantId).toBe(acme.id);
    expect((await service.resolve(acme.id)).tenantName).toBe('Acme');
    expect((await failureOf(service.resolve('Initech'))).code).toBe('tenant_not_found');

    const globex = await service.add({ name: 'Globex', environment: 'us', ...secrets });
    await service.remove({ id: acme.id });
    const none = await failureOf(service.resolve());
    expect(none.code).toBe('no_active_tenant');
    expect(none.message).toBe('No tenant is selected. Choose the tenant to work on first.');
    expect((await service.resolve('globex')).tenantId).toBe(globex.id);
  });

  it('says which secret went missing from the keychain', async () => {
    const { service, store } = await setup();
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    await store.delete(secretAccounts.userSecret(acme.id));
    const error = await failureOf(service.resolve());
    expect(error.code).toBe('secret_missing');
    expect(error.message).toBe(
      "The user secret of Acme is not in the keychain any more. Enter it again in the tenant's settings.",
    );
  });
});

describe('saved OAuth apps', () => {
  const app = {
    name: 'Zoho prod',
    clientId: '1000.CLIENTID',
    callbackUrl: 'http://127.0.0.1:53682/oauth/callback',
    scope: 'ZohoCRM.modules.ALL',
  };

  it('keeps the client secret in the keychain and hands it only to main-side callers', async () => {
    const { service, store, dataDir } = await setup();
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    expect((await failureOf(service.saveOAuthApp(app))).message).toBe(
      'Enter the client secret of the OAuth app.',
    );

    const saved = await service.saveOAuthApp({ ...app, clientSecret: 'zoho-client-secret-abcdef-S3CR' });

    expect(saved).toEqual({ id: saved.id, tenantId: acme.id, ...app, clientSecretHint: '••••S3CR' });
    expect(await store.get(secretAccounts.oauthAppSecret(acme.id, saved.id))).toBe(
      'zoho-client-secret-abcdef-S3CR',
    );
    expect(await service.oauthApp(acme.id, saved.id)).toEqual({
      id: saved.id,
      ...app,
      clientSecret: 'zoho-client-secret-abcdef-S3CR',
    });
    for (const text of (await readTree(dataDir)).values()) expect(text).not.toContain('zoho-client-secret');

    const edited = await service.saveOAuthApp({ ...app, id: saved.id, scope: '', clientSecret: '' });
    expect(edited.scope).toBeNull();
    expect((await service.oauthApp(acme.id, saved.id)).clientSecret).toBe('zoho-client-secret-abcdef-S3CR');
    expect(
      (await failureOf(service.saveOAuthApp({ ...app, name: 'ZOHO PROD', clientSecret: 'x' }))).code,
    ).toBe('oauth_app_exists');
  });

  it('accepts https, loopback http and the app’s own element-auth://oauth/callback only', async () => {
    const { service } = await setup();
    await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const base = { ...app, clientSecret: 'client-secret-value' };
    for (const callbackUrl of ['http://example.com/cb', 'ftp://example.com/cb']) {
      expect((await failureOf(service.saveOAuthApp({ ...base, callbackUrl }))).code).toBe('insecure_url');
    }
    for (const callbackUrl of ['element-auth://elsewhere', 'http://127.0.0.1/no-port']) {
      expect((await failureOf(service.saveOAuthApp({ ...base, callbackUrl }))).code).toBe('invalid_input');
    }
    await service.saveOAuthApp({ ...base, name: 'a', callbackUrl: 'https://example.com/cb' });
    await service.saveOAuthApp({ ...base, name: 'b', callbackUrl: 'element-auth://oauth/callback' });
    expect((await service.listOAuthApps()).map((saved) => saved.callbackUrl)).toEqual([
      'https://example.com/cb',
      'element-auth://oauth/callback',
    ]);
  });

  it('removes an app with its keychain item; another tenant cannot reach it', async () => {
    const { service, store } = await setup();
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const globex = await service.add({ name: 'Globex', environment: 'us', ...secrets });
    const saved = await service.saveOAuthApp({ ...app, clientSecret: 'client-secret-value' });
    expect((await failureOf(service.oauthApp(globex.id, saved.id))).code).toBe('oauth_app_not_found');

    const list = await service.removeOAuthApp(saved.id);

    expect(list.oauthApps).toEqual([]);
    expect(await store.get(secretAccounts.oauthAppSecret(acme.id, saved.id))).toBeNull();
  });
});
