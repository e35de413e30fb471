// Test support for the instances tests: the fake platform, a unique keychain service, a data
// folder, and the app's own services (createServices) with one tenant pointing at the fake.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../main/services/index';
import { directTransport } from '../../main/services/net/http-transport';
import { silentLogger, type Clock, type EventSink, type SecretStore } from '../../main/services/ports';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { clearKeychain } from '../support/keychain-items';

export interface InstancesWorld {
  platform: FakePlatform;
  services: Services;
  secretStore: KeytarSecretStore;
  tenantId: string;
  tenantName: string;
  dataDir: string;
  /** The fake's clock: the platform's time in ping answers. */
  now: number;
  tokenAccount(id: number): string;
  close(): Promise<void>;
}

const noEvents: EventSink = { emit: () => {} };

/** The app's services as main/index.ts builds them, over a test data folder, keychain and clock. */
export function appServices(dataDir: string, secretStore: SecretStore, clock: Clock): Services {
  return createServices({
    appInfo: { name: 'Element Authenticator', version: '0.0.0-test', platform: process.platform },
    dataDir,
    secretStore,
    clock,
    openUrl: async () => {},
    events: noEvents,
    log: silentLogger,
    transport: directTransport,
    platform: { timeoutMs: 5_000, getRetries: 0 },
  });
}

export async function startInstancesWorld(
  purpose: string,
  tenantName = 'Acme Corp',
): Promise<InstancesWorld> {
  const world = { now: Date.UTC(2024, 4, 17, 9, 30) } as InstancesWorld;
  const platform = await startFakePlatform({ now: () => world.now });
  const dataDir = await mkdtemp(path.join(tmpdir(), `element-auth-${purpose}-`));
  const secretStore = new KeytarSecretStore(`element-auth-test-${purpose}-${randomBytes(6).toString('hex')}`);
  const services = appServices(dataDir, secretStore, { now: () => world.now });
  const tenant = await services.tenants.add({
    name: tenantName,
    environment: 'custom',
    customUrl: platform.baseUrl,
    orgSecret: 'org-secret-fake',
    userSecret: 'user-secret-fake',
  });
  return Object.assign(world, {
    platform,
    services,
    secretStore,
    dataDir,
    tenantId: tenant.id,
    tenantName: tenant.name,
    tokenAccount: (id: number) => secretAccounts.instanceToken(tenant.id, id),
    async close() {
      await platform.close();
      if (secretStore) clearKeychain(secretStore.service);
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

/** Every value an instance holds that must never leave main unredacted. */
export function secretValuesOf(instance: {
  token: string;
  configuration: Record<string, string | null>;
  providerData: Record<string, unknown>;
}): string[] {
  const keys = [
    'oauth.user.token',
    'oauth.user.refresh_token',
    'oauth.api.secret',
    'event.notification.basic.password',
    'event.notification.signature.key',
  ];
  const values = [instance.token, ...keys.map((key) => instance.configuration[key])];
  values.push(String(instance.providerData.code ?? ''), String(instance.providerData.secret ?? ''));
  return values.filter(
    (value): value is string => typeof value === 'string' && value !== '' && value !== '********',
  );
}
