// Test support for the health tests: a fleet of fake platforms (one per tenant) and the app's own
// services (createServices) over a data folder, with every fleet tenant added to it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../main/services/index';
import { directTransport } from '../../main/services/net/http-transport';
import { silentLogger, systemClock } from '../../main/services/ports';
import {
  startHealthFleet,
  stopHealthFleet,
  type FleetOptions,
  type FleetTenant,
} from '../fakes/health-fleet';
import { MemorySecretStore, RecordingEvents } from '../fakes/memory-secret-store';

export interface HealthWorld {
  fleet: FleetTenant[];
  dataDir: string;
  secretStore: MemorySecretStore;
  events: RecordingEvents;
  services: Services;
  /** Tenant id by fleet index. */
  tenantIds: string[];
  /** New services over the same data folder and keychain: the app restarted. */
  restart(): Services;
  close(): Promise<void>;
}

export async function startHealthWorld(options: FleetOptions): Promise<HealthWorld> {
  const fleet = await startHealthFleet(options);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-health-'));
  const secretStore = new MemorySecretStore();
  const events = new RecordingEvents();
  const build = () =>
    createServices({
      appInfo: { name: 'Element Authenticator', version: '0.0.0-test', platform: process.platform },
      dataDir,
      secretStore,
      clock: systemClock,
      openUrl: async () => {},
      events,
      log: silentLogger,
      transport: directTransport,
      platform: { timeoutMs: 5_000 },
    });
  const services = build();
  const tenantIds: string[] = [];
  for (const tenant of fleet) {
    const added = await services.tenants.add({
      name: tenant.name,
      environment: 'custom',
      customUrl: tenant.platform.baseUrl,
      color: tenant.color,
      ...tenant.secrets,
    });
    tenantIds.push(added.id);
  }
  return {
    fleet,
    dataDir,
    secretStore,
    events,
    services,
    tenantIds,
    restart: build,
    async close() {
      await stopHealthFleet(fleet);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
