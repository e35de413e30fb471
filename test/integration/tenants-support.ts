// Test support for the tenants tests: an in-memory and a failing SecretStore, an event recorder,
// temp data folders, and building a TenantService over them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventName, EventPayload, FlowView } from '../../common/contract';
import { AppFailure } from '../../main/services/errors';
import type { EventSink, SecretStore } from '../../main/services/ports';
import { silentLogger } from '../../main/services/ports';
import type { PendingFlowGuard } from '../../main/services/tenants/pending-flow';
import { TenantService } from '../../main/services/tenants/tenant-service';

export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, string>();
  async get(account: string) {
    return this.items.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.items.set(account, secret);
  }
  async delete(account: string) {
    return this.items.delete(account);
  }
  async accounts() {
    return [...this.items.keys()];
  }
}

/** A keychain that refuses everything, as keytar does without a Secret Service. */
export const unavailableSecretStore: SecretStore = {
  get: () => Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
  set: () => Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
  delete: () =>
    Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
  accounts: () =>
    Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
};

export class RecordingEvents implements EventSink {
  readonly sent: { event: EventName; payload: unknown }[] = [];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.sent.push({ event, payload });
  }
  of<E extends EventName>(event: E): EventPayload<E>[] {
    return this.sent.filter((sent) => sent.event === event).map((sent) => sent.payload as EventPayload<E>);
  }
}

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
    platform: { timeoutMs: 5_000, getRetries: 0 },
    flow: options.flow,
  });
  return { service, events };
}

export const ORG_SECRET = 'org-secret-0123456789-ABCD';
export const USER_SECRET = 'user-secret-9876543210-WXYZ';
