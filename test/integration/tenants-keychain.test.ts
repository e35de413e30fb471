// The tenants service against the real OS keychain (Secret Service): add, edit, rotate, remove
// without orphans, no secret in the metadata file, corrupt-file recovery, and no keychain at all.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { buildTenants, ORG_SECRET, readTree, removeDir, tempDataDir, USER_SECRET } from './tenants-support';
import { clearKeychain, keychainAccounts } from '../support/keychain-items';

const SERVICE = `element-auth-test-tenants-${randomBytes(4).toString('hex')}`;
const store = new KeytarSecretStore(SERVICE);
const dirs: string[] = [];

/** What the Secret Service holds for our service name, as `secret-tool` prints it. */
async function secretToolSearch(): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)('secret-tool', [
    'search',
    '--all',
    'service',
    SERVICE,
  ]);
  return `${stdout}\n${stderr}`;
}

async function freshTenants() {
  const dataDir = await tempDataDir('tenants-keychain');
  dirs.push(dataDir);
  return { dataDir, ...buildTenants({ dataDir, secretStore: store }) };
}

async function expectNoSecretIn(dataDir: string, secrets: string[]) {
  for (const [file, text] of await readTree(dataDir)) {
    for (const secret of secrets) expect(text, `${file} holds a secret`).not.toContain(secret);
  }
}

beforeEach(async () => {
  if (store) clearKeychain(store.service);
});

afterAll(async () => {
  if (store) clearKeychain(store.service);
  for (const dir of dirs) await removeDir(dir);
});

describe('tenants in the real keychain', () => {
  it('adds a tenant: secrets in the keychain, only hints in the 0600 metadata file', async () => {
    const { dataDir, service } = await freshTenants();
    const view = await service.add({
      name: 'Acme',
      environment: 'eu',
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
      color: '#1c7ed6',
    });

    expect(await store.get(secretAccounts.orgSecret(view.id))).toBe(ORG_SECRET);
    expect(await store.get(secretAccounts.userSecret(view.id))).toBe(USER_SECRET);
    expect(await secretToolSearch()).toContain(secretAccounts.orgSecret(view.id));
    expect(view).toEqual({
      id: view.id,
      name: 'Acme',
      environment: 'eu',
      baseUrl: 'https://api.cloud-elements.co.uk/elements/api-v2',
      color: '#1c7ed6',
      orgSecretHint: '••••ABCD',
      userSecretHint: '••••WXYZ',
      check: { state: 'not-checked', checkedAt: null, message: null },
    });

    const file = path.join(dataDir, 'tenants.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const metadata = JSON.parse(await readFile(file, 'utf8'));
    expect(metadata).toMatchObject({
      schemaVersion: 1,
      activeTenantId: view.id,
      tenants: [{ name: 'Acme' }],
    });
    await expectNoSecretIn(dataDir, [ORG_SECRET, USER_SECRET]);
    expect(await readdir(dataDir)).toEqual(['tenants.json']);
  });

  it('edits a tenant: rename, new environment, rotated secrets replace the old ones', async () => {
    const { dataDir, service } = await freshTenants();
    const { id } = await service.add({
      name: 'Acme',
      environment: 'us',
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
    });

    const move = {
      id,
      name: 'Acme GmbH',
      environment: 'custom' as const,
      customUrl: 'https://ce.acme.example/elements/api-v2/',
    };
    // Stored secrets never follow a tenant to another platform: moving it needs both typed again.
    await expect(service.update(move)).rejects.toMatchObject({ code: 'secret_missing' });
    expect((await service.resolve(id)).credentials.baseUrl).toBe(
      'https://api.cloud-elements.com/elements/api-v2',
    );
    const renamed = await service.update({ ...move, orgSecret: ORG_SECRET, userSecret: USER_SECRET });
    expect(renamed).toMatchObject({
      name: 'Acme GmbH',
      environment: 'custom',
      baseUrl: 'https://ce.acme.example/elements/api-v2',
    });
    expect(await store.get(secretAccounts.orgSecret(id))).toBe(ORG_SECRET);

    const newOrg = 'rotated-org-secret-000-NEW1';
    const rotated = await service.update({ id, orgSecret: newOrg, userSecret: '' });
    expect(rotated.orgSecretHint).toBe('••••NEW1');
    expect(rotated.userSecretHint).toBe('••••WXYZ');
    expect(await store.get(secretAccounts.orgSecret(id))).toBe(newOrg);
    expect(await store.get(secretAccounts.userSecret(id))).toBe(USER_SECRET);
    expect(await secretToolSearch()).not.toContain(ORG_SECRET);

    const newUser = 'rotated-user-secret-000-NEW2';
    await service.update({ id, userSecret: newUser });
    const context = await service.resolve('acme gmbh');
    expect(context.credentials).toEqual({
      baseUrl: 'https://ce.acme.example/elements/api-v2',
      orgSecret: newOrg,
      userSecret: newUser,
    });
    await expectNoSecretIn(dataDir, [ORG_SECRET, USER_SECRET, newOrg, newUser]);
  });

  it('removes a tenant with all its keychain items and leaves the other tenant alone', async () => {
    const { dataDir, service } = await freshTenants();
    const acme = await service.add({
      name: 'Acme',
      environment: 'us',
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
    });
    const globex = await service.add({
      name: 'Globex',
      environment: 'eu',
      orgSecret: 'globex-org-secret-1234',
      userSecret: 'globex-user-secret-5678',
    });
    await service.saveOAuthApp({
      tenantId: acme.id,
      name: 'Zoho prod',
      clientId: '1000.ABC',
      clientSecret: 'zoho-client-secret-XYZ1',
      callbackUrl: 'http://127.0.0.1:53682/oauth/callback',
    });
    // What the instances service stores for a created instance and its events signature key:
    await service.keychain.set(secretAccounts.instanceToken(acme.id, 4242), 'instance-token-acme-4242');
    await service.keychain.set(secretAccounts.signatureKey(acme.id, 4242), 'signature-key-acme');
    expect(await secretToolSearch()).toContain(`tenant:${acme.id}:oauth-app:`);

    const list = await service.remove({ id: acme.id });

    expect(list.tenants.map((tenant) => tenant.name)).toEqual(['Globex']);
    expect(list.oauthApps).toEqual([]);
    const after = await secretToolSearch();
    expect(after).not.toContain(`tenant:${acme.id}:`);
    expect(after).toContain(`tenant:${globex.id}:org-secret`);
    expect(keychainAccounts(store.service).sort()).toEqual(
      [secretAccounts.orgSecret(globex.id), secretAccounts.userSecret(globex.id)].sort(),
    );
    const metadata = await readFile(path.join(dataDir, 'tenants.json'), 'utf8');
    expect(metadata).not.toContain(acme.id);
    expect(metadata).not.toContain('zoho-client-secret');
  });

  it('moves a corrupt metadata file aside, says so in plain words, and loses nothing else', async () => {
    const { dataDir, service, events } = await freshTenants();
    const acme = await service.add({
      name: 'Acme',
      environment: 'us',
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
    });
    const file = path.join(dataDir, 'tenants.json');
    await writeFile(path.join(dataDir, 'notes.txt'), 'keep me');
    await writeFile(file, '{"schemaVersion": 1, "tenants": [ {"id": "trunc');

    const list = await service.list();

    expect(list.tenants).toEqual([]);
    expect(list.notice).toMatch(/moved aside to .*tenants\.json\.corrupt-/);
    expect(events.of('app.notice')).toEqual([{ level: 'warning', message: list.notice }]);
    const aside = (await readdir(dataDir)).filter((name) => name.startsWith('tenants.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dataDir, aside[0] ?? ''), 'utf8')).toContain('"trunc');
    expect(await readFile(path.join(dataDir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(await store.get(secretAccounts.orgSecret(acme.id))).toBe(ORG_SECRET);
    expect(existsSync(file)).toBe(false);

    await service.add({
      name: 'Acme again',
      environment: 'us',
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
    });
    expect((await service.list()).tenants.map((tenant) => tenant.name)).toEqual(['Acme again']);
    expect((await service.dismissNotice()).notice).toBeNull();
  });
});

describe('without a Secret Service', () => {
  it('fails with keychain_unavailable and writes no plaintext anywhere', async () => {
    const dataDir = await tempDataDir('tenants-nokeychain');
    dirs.push(dataDir);
    const child = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/jiti/lib/jiti-cli.mjs'),
        path.resolve('test/integration/tenants-no-keychain-child.ts'),
        dataDir,
      ],
      {
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
          ELEMENT_AUTH_KEYCHAIN_SERVICE: SERVICE,
        },
        encoding: 'utf8',
        timeout: 25_000,
      },
    );
    expect(child.stderr).toBe('');
    const outcome = JSON.parse(child.stdout) as { code: string; message: string };
    expect(outcome.code).toBe('keychain_unavailable');
    expect(outcome.message).toMatch(/keychain is not available/);
    expect(outcome.message).not.toContain(ORG_SECRET);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
