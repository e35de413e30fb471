// Test support for the tenants tests: temp data folders, a hand-set flow, and building a
// TenantService over the in-memory fakes (re-exported for the tests that import them from here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FlowView } from '../../common/contract';
import type { SecretStore } from '../../main/services/ports';
import { RecordingEvents } from '../fakes/memory-secret-store';
import { silentLogger } from '../../main/services/ports';
import type { PendingFlowGuard } from '../../main/services/tenants/pending-flow';
import { platformClientFactory } from '../../main/services/cloud-elements/platform-client-factory';
import { directTransport } from '../../main/services/net/http-transport';
import { TenantService } from '../../main/services/tenants/tenant-service';

/** A flow the test sets by hand, recording whether the tenants service cancelled it. */
export class FakeFlow implements PendingFlowGuard {
  view: FlowView = { step: 'idle' };
  cancelled = 0;
  current() {
    return this.view;
  }
  cancel() {
    this.cancelled += 1;
    this.view = { step: 'idle' };
  }
}

export async function tempDataDir(purpose: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `element-auth-${purpose}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export { readTree } from '../support/read-tree';
export { MemorySecretStore, RecordingEvents, unavailableSecretStore } from '../fakes/memory-secret-store';

export function buildTenants(options: {
  dataDir: string;
  secretStore: SecretStore;
  events?: RecordingEvents;
  flow?: PendingFlowGuard;
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
    flow: options.flow,
  });
  return { service, events };
}

export const ORG_SECRET = 'org-secret-0123456789-ABCD';
export const USER_SECRET = 'user-secret-9876543210-WXYZ';
