// Verifying a tenant's secrets with a cheap platform call (GET /instances) against the fake
// platform on 127.0.0.1: right secrets accepted, wrong ones named in one sentence, no platform.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { buildTenants, MemorySecretStore, removeDir, tempDataDir } from './tenants-support';

let platform: FakePlatform;
const dirs: string[] = [];

beforeEach(async () => {
  platform = await startFakePlatform({
    orgSecret: 'org-secret-fake-ORG1',
    userSecret: 'user-secret-fake-USR1',
  });
});

afterEach(async () => {
  await platform.close();
});

afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

async function tenantWith(orgSecret: string, userSecret: string) {
  const dataDir = await tempDataDir('tenants-verify');
  dirs.push(dataDir);
  const { service } = buildTenants({ dataDir, secretStore: new MemorySecretStore() });
  const tenant = await service.add({
    name: 'Acme',
    environment: 'custom',
    customUrl: platform.baseUrl,
    orgSecret,
    userSecret,
  });
  return { service, tenant };
}

describe('verifying a tenant', () => {
  it('accepts the right secrets, with one GET /instances carrying them', async () => {
    platform.seedInstances(2);
    const { service, tenant } = await tenantWith('org-secret-fake-ORG1', 'user-secret-fake-USR1');

    const result = await service.verify(tenant.id);

    expect(result).toEqual({
      ok: true,
      message: expect.stringContaining('accepted the secrets of Acme (2 instances)'),
    });
    expect(platform.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /instances',
    ]);
    expect(platform.requests[0]?.headers.authorization).toBe(
      'User user-secret-fake-USR1, Organization org-secret-fake-ORG1',
    );
  });

  it('says the organization or user secret is wrong when the platform answers 401', async () => {
    const { service, tenant } = await tenantWith('org-secret-fake-ORG1', 'not-the-user-secret-USR2');

    const result = await service.verify(tenant.id);

    expect(result.ok).toBe(false);
    expect(result.code).toBe('platform_unauthorized');
    expect(result.message).toMatch(/^The organization or user secret is wrong/);
    expect(result.message).not.toContain('not-the-user-secret');
  });

  it('accepts the secrets after rotating the wrong one', async () => {
    const { service, tenant } = await tenantWith('wrong-org-secret-ORG9', 'user-secret-fake-USR1');
    expect((await service.verify(tenant.id)).ok).toBe(false);

    await service.update({ id: tenant.id, orgSecret: 'org-secret-fake-ORG1' });

    expect((await service.verify(tenant.id)).ok).toBe(true);
  });

  it('keeps each outcome as the tenant’s check with its time, and forgets it when a secret is rotated', async () => {
    const { service, tenant } = await tenantWith('wrong-org-secret-ORG9', 'user-secret-fake-USR1');
    const checkOf = async () => (await service.list()).tenants.find((one) => one.id === tenant.id)?.check;
    expect(tenant.check).toEqual({ state: 'not-checked', checkedAt: null, message: null });

    await service.verify(tenant.id);
    expect(await checkOf()).toEqual({
      state: 'refused',
      checkedAt: expect.any(Number),
      message: expect.stringMatching(/^The organization or user secret is wrong/),
    });
    expect((await service.resolve(tenant.id)).check.state).toBe('refused');

    await service.update({ id: tenant.id, orgSecret: 'org-secret-fake-ORG1' });
    expect((await checkOf())?.state).toBe('not-checked');
    await service.verify(tenant.id);
    expect((await checkOf())?.state).toBe('verified');

    await platform.close();
    await service.verify(tenant.id);
    expect((await checkOf())?.state).toBe('unreachable');
    platform = await startFakePlatform();
  });

  it('says when the platform cannot be reached', async () => {
    const { service, tenant } = await tenantWith('org-secret-fake-ORG1', 'user-secret-fake-USR1');
    await platform.close();

    const result = await service.verify(tenant.id);

    expect(result).toMatchObject({ ok: false, code: 'platform_unreachable' });
    expect(result.message).toContain('127.0.0.1');
    platform = await startFakePlatform();
  });
});
