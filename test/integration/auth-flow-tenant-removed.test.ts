// A tenant removed during a flow by another process (a second createServices on the same data folder
// and keychain): no POST for it, or no token stored for it, each with one sentence; no orphan item.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearKeychain, keychainAccounts } from '../support/keychain-items';
import type { Services } from '../../main/services/index';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import type { FlowView } from '../../common/contract';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { appServices, consent, startInput } from './auth-flow-support';

const CALLBACK = 'https://auth.example.com/oauth/callback';
let platform: FakePlatform;
let secrets: KeytarSecretStore;
let dataDir: string;
/** The app, running the flow. */
let app: Services;
/** Another process on the same data folder and keychain (the CLI, another window). */
let other: Services;

beforeEach(async () => {
  platform = await startFakePlatform();
  secrets = new KeytarSecretStore(`element-auth-test-tenant-removed-${randomBytes(6).toString('hex')}`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-tenant-removed-'));
  app = appServices(dataDir, secrets);
  other = appServices(dataDir, secrets);
});

afterEach(async () => {
  if (app.flow.get().step === 'creating') await app.flow.settled();
  await app.flow.reset();
  await platform.close();
  clearKeychain(secrets.service);
  await rm(dataDir, { recursive: true, force: true });
});

async function flowWaitingForAcme() {
  const tenant = await app.tenants.add({
    name: 'Acme Corp',
    environment: 'custom',
    customUrl: platform.baseUrl,
    orgSecret: 'org-secret-fake',
    userSecret: 'user-secret-fake',
  });
  const waiting = await app.flow.start({ ...startInput(CALLBACK), tenant: tenant.id });
  return { tenant, location: await consent(waiting) };
}

function failedWith(view: FlowView) {
  if (view.step !== 'failed') throw new Error(`expected failed, got ${view.step}`);
  return view.error;
}

const posts = () => platform.requests.filter((request) => request.method === 'POST').length;

describe('auth flow: the tenant removed by another process', () => {
  it('before step 3: sends no POST, says why, and stores nothing', async () => {
    const { tenant, location } = await flowWaitingForAcme();
    await other.tenants.remove({ id: tenant.id });
    const error = failedWith(await app.flow.paste(location));
    expect(error).toEqual({
      code: 'tenant_not_found',
      message:
        'The tenant "Acme Corp" was removed while the sign-in was under way (from another window or the CLI), so no instance was created.',
    });
    expect(posts()).toBe(0);
    expect(keychainAccounts(secrets.service)).toEqual([]);
  });

  it('while the POST is on its way: stores no orphan token, and says the instance exists', async () => {
    const { tenant, location } = await flowWaitingForAcme();
    platform.behaviour.delayMs = 500;
    const pasted = app.flow.paste(location);
    while (posts() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await other.tenants.remove({ id: tenant.id });
    const error = failedWith(await pasted);
    const [made] = [...platform.instances.values()];
    expect(error).toEqual({
      code: 'tenant_not_found',
      message: `Instance ${made?.id} was made on the platform, but the tenant "Acme Corp" was removed meanwhile, so its token was not saved: delete the instance on the platform, or add the tenant again and re-authenticate the instance.`,
    });
    expect(keychainAccounts(secrets.service)).toEqual([]);
  });
});
