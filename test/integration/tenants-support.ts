// Test support for the tenants tests: temp data folders and building a
// TenantService over the in-memory fakes (re-exported for the tests that import them from here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SecretStore } from '../../main/services/ports';
import { RecordingEvents } from '../fakes/memory-secret-store';
import { silentLogger } from '../../main/services/ports';
import { platformClientFactory } from '../../main/services/cloud-elements/platform-client-factory';
import { directTransport } from '../../main/services/net/http-transport';
import { TenantService } from '../../main/services/tenants/tenant-service';
import { createServices } from '../../main/services/index';
import type { EventSink } from '../../main/services/ports';

export async function tempDataDir(purpose: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `element-auth-${purpose}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export { readTree } from '../support/read-tree';
export { MemorySecretStore, RecordingEvents, unavailableSecretStore } from '../fakes/memory-secret-store';
export { FakeFlow } from '../fakes/fake-flow';

export function buildTenants(options: {
  dataDir: string;
  secretStore: SecretStore;
  events?: RecordingEvents;
  now?: () => number;
}) {
  const events = options.events ?? new RecordingEvents();
  const service = new TenantService({
    dataDir: options.dataDir,
    secretStore: options.secretStore,
    events,
    clock: { now: options.now ?? (() => Date.now()) },
    log: silentLogger,
    platformClient: platformClientFactory(directTransport, { timeoutMs: 5_000, getRetries: 0 }),
  });
  return { service, events };
}

/** The app's whole services (createServices) on a data folder and keychain, as the app builds them. */
export function buildServices(options: { dataDir: string; secretStore: SecretStore; events?: EventSink }) {
  return createServices({
    appInfo: { name: 'test', version: '0', platform: process.platform },
    dataDir: options.dataDir,
    secretStore: options.secretStore,
    clock: { now: () => Date.now() },
    openUrl: async () => undefined,
    events: options.events ?? { emit: () => undefined },
    log: silentLogger,
    transport: directTransport,
    platform: { timeoutMs: 5_000, getRetries: 0 },
  });
}

export const ORG_SECRET = 'org-secret-0123456789-ABCD';
export const USER_SECRET = 'user-secret-9876543210-WXYZ';
