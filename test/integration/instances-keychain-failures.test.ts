// A keychain that fails after the platform acted: `instances delete` says the instance was deleted
// on the platform and that its token was not removed, instead of "nothing was read or saved".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFailure } from '../../main/services/errors';
import type { Services } from '../../main/services/index';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { FailingSecretStore } from '../fakes/memory-secret-store';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { buildServices } from './tenants-support';

let platform: FakePlatform;
let dataDir: string;
let store: FailingSecretStore;
let services: Services;
let tenantId: string;

beforeAll(async () => {
  platform = await startFakePlatform({});
  dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-instances-keychain-'));
  store = new FailingSecretStore();
  services = buildServices({ dataDir, secretStore: store });
  const tenant = await services.tenants.add({
    name: 'Acme',
    environment: 'custom',
    customUrl: platform.baseUrl,
    orgSecret: 'org-secret-fake',
    userSecret: 'user-secret-fake',
  });
  tenantId = tenant.id;
});

afterAll(async () => {
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('instances delete with a keychain that fails afterwards', () => {
  it('says the platform deleted the instance and the token was not removed', async () => {
    const [instance] = platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    await services.tenants.keychain.set(secretAccounts.instanceToken(tenantId, instance.id), 'token-of-it');
    store.lockAfterWrites(0);

    const error = await services.instances
      .delete(instance.id, instance.name)
      .catch((caught: unknown) => caught);

    expect(isFailure(error, 'keychain_locked')).toBe(true);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Instance ${instance.id} “.+” was deleted from Acme on the platform, but its token could not be removed`,
      ),
    );
    expect((error as Error).message).not.toContain('nothing was');
    expect(platform.instances.has(instance.id)).toBe(false);
    store.unlock();
    expect(await store.get(secretAccounts.instanceToken(tenantId, instance.id))).toBe('token-of-it');
  });
});
