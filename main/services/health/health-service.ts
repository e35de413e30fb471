// The health service: checks every instance of the chosen tenants with bounded concurrency, reports
// progress, stops new requests on Cancel, and keeps the results (never a token) with the last runs.
import { setMaxListeners } from 'node:events';
import type { HealthBoard, HealthProgress, TenantList, TenantView } from '../../../common/contract';
import { isFailing, type HealthRowFilter } from '../../../common/health-rows';
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import { AppFailure, isFailure } from '../errors';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import { platformToken } from '../instances/instance-views';
import type { Clock, EventSink, Logger, SecretStore } from '../ports';
import { noActivity, type ActivityLog } from '../activity/activity-log';
import { healthChecked } from '../activity/activity-records';
import { isKeychainFailure } from '../tenants/keychain-failures';
import { secretAccounts } from '../tenants/secret-accounts';
import { findTenant } from '../tenants/tenant-records';
import type { TenantContext, TenantResolver } from '../tenants/tenant-context';
import { healthExportFile, type HealthExportFile, type HealthExportFormat } from './health-export';
import { HealthStore, type TenantRunRecord } from './health-store';
import {
  checkInstance,
  DEFAULT_RETRY,
  outcomeOfFailure,
  withRetries,
  type RetryPolicy,
} from './instance-check';
import { RequestGate, type TenantLane } from './request-gate';

export const DEFAULT_PER_TENANT = 4;
export const DEFAULT_TOTAL = 8;
/** Progress events at most this often (the last one always goes). */
const PROGRESS_EVERY_MS = 100;

export interface HealthServiceOptions {
  tenants: TenantResolver & { list(): Promise<TenantList> };
  /** The keychain through its index: which instance tokens exist is known without enumerating it. */
  secrets: SecretStore & { known(): Promise<string[]> };
  clock: Clock;
  events: EventSink;
  log: Logger;
  dataDir: string;
  /** Builds a client that does not retry by itself: this service retries, and Cancel must stop it. */
  platform: PlatformClientFactory;
  /** Each tenant's run goes to its activity log (counts only). */
  activity?: ActivityLog;
  retry?: RetryPolicy;
}

export interface HealthRunOptions {
  /** Tenant ids or names, or 'all'. */
  tenants: string[] | 'all';
  perTenant?: number;
  total?: number;
  /** Called with every progress report (the CLI's stderr); the app gets the push event. */
  onProgress?: (progress: HealthProgress) => void;
}

interface Listing {
  context: TenantContext;
  client: PlatformClient;
  instances: PlatformInstance[];
}

interface RunState {
  signal: AbortSignal;
  gate: RequestGate;
  perTenant: number;
  progress: HealthProgress;
  emittedAt: number;
  onProgress?: (progress: HealthProgress) => void;
}

export class HealthService {
  private readonly store: HealthStore;
  private running: AbortController | null = null;

  constructor(private readonly options: HealthServiceOptions) {
    this.store = new HealthStore(options.dataDir, options.log);
  }

  /** The stored results of every current tenant, with its name and colour. */
  async board(): Promise<HealthBoard> {
    const [list, stored] = await Promise.all([this.options.tenants.list(), this.store.read()]);
    return {
      running: this.running !== null,
      tenants: list.tenants.map((tenant) => ({
        tenantId: tenant.id,
        tenantName: tenant.name,
        color: tenant.color,
        runs: stored[tenant.id]?.runs ?? [],
        problem: stored[tenant.id]?.problem ?? null,
        results: stored[tenant.id]?.results ?? [],
      })),
    };
  }

  /** The board (or some tenants of it) as a CSV or JSON file's text, failing first. */
  async exportFile(format: HealthExportFormat, filter: HealthRowFilter = {}): Promise<HealthExportFile> {
    return healthExportFile(await this.board(), format, new Date(this.options.clock.now()), filter);
  }

  async run(options: HealthRunOptions): Promise<HealthBoard> {
    if (this.running) {
      throw new AppFailure('health_running', 'A health check is already running. Wait for it or cancel it.');
    }
    const controller = new AbortController();
    // Every request waiting for a slot listens for Cancel: hundreds of listeners are expected.
    setMaxListeners(0, controller.signal);
    this.running = controller;
    try {
      const targets = await this.targets(options.tenants);
      const now = () => this.options.clock.now();
      const state: RunState = {
        signal: controller.signal,
        gate: new RequestGate(options.total ?? DEFAULT_TOTAL, now),
        perTenant: options.perTenant ?? DEFAULT_PER_TENANT,
        progress: {
          checked: 0,
          total: 0,
          failing: 0,
          tenantsLeft: targets.length,
          startedAt: now(),
          etaMs: null,
          done: false,
        },
        emittedAt: 0,
        onProgress: options.onProgress,
      };
      this.report(state, true);
      try {
        await Promise.all(targets.map((target) => this.checkTenant(target, state)));
      } catch (error) {
        // One tenant failed outright (e.g. the keychain locked): the others ask nothing more.
        controller.abort();
        throw error;
      }
      state.progress.done = true;
      this.report(state, true);
    } finally {
      this.running = null;
    }
    return this.board();
  }

  /** Stops new requests at once; the running check resolves with what it had. */
  cancel(): void {
    this.running?.abort();
  }

  /** The chosen tenants by id or name; an unknown one is the caller's mistake (tenant_not_found). */
  private async targets(chosen: string[] | 'all'): Promise<TenantView[]> {
    const { tenants } = await this.options.tenants.list();
    if (chosen === 'all') return tenants;
    return [...new Set(chosen.map((wanted) => findTenant({ tenants }, wanted)))];
  }

  private async checkTenant(tenant: TenantView, state: RunState): Promise<void> {
    const startedAt = this.options.clock.now();
    const lane = state.gate.lane(state.perTenant);
    const record: TenantRunRecord = {
      tenantId: tenant.id,
      problem: null,
      listed: null,
      checked: [],
      run: { startedAt, finishedAt: startedAt, checked: 0, total: 0, failing: 0, cancelled: false },
    };
    try {
      const listing = await this.listed(tenant, lane, state, record);
      if (listing) await this.checkAll(listing, lane, state, record);
    } finally {
      record.run.finishedAt = this.options.clock.now();
      record.run.cancelled = state.signal.aborted;
      record.run.checked = record.checked.length;
      record.run.failing =
        record.checked.filter((result) => isFailing(result.outcome)).length + (record.problem ? 1 : 0);
      await this.store.save(record);
      await (this.options.activity ?? noActivity).record(healthChecked(tenant, record.run));
    }
  }

  /** The tenant's instances and client, or null with the tenant's problem recorded (or cancelled). */
  private async listed(
    tenant: TenantView,
    lane: TenantLane,
    state: RunState,
    record: TenantRunRecord,
  ): Promise<Listing | null> {
    const { retry = DEFAULT_RETRY } = this.options;
    try {
      const context = await this.options.tenants.resolve(tenant.id);
      const client = this.options.platform(context.credentials);
      const list = () => client.listInstances();
      const instances = await withRetries(lane, list, state.signal, retry, () => this.options.clock.now());
      record.listed = instances.map((instance) => instance.id);
      record.run.total = instances.length;
      state.progress.total += instances.length;
      return { context, client, instances };
    } catch (error) {
      // The keychain failing is not this tenant's problem: the whole run stops with its sentence.
      if (isKeychainFailure(error)) throw error;
      if (!isFailure(error) || error.code === 'cancelled') return null;
      const { outcome, message, requestId } = outcomeOfFailure(error);
      const why =
        error.code === 'platform_unauthorized'
          ? "The platform refused this tenant's organization or user secret (401): its instances could not be listed."
          : message;
      record.problem = { outcome, message: why, requestId };
      state.progress.failing += 1;
      return null;
    } finally {
      state.progress.tenantsLeft -= 1;
      this.report(state, false);
    }
  }

  private async checkAll(
    { context, client, instances }: Listing,
    lane: TenantLane,
    state: RunState,
    record: TenantRunRecord,
  ): Promise<void> {
    const stored = new Set(await this.options.secrets.known());
    const now = () => this.options.clock.now();
    await Promise.all(
      instances.map(async (instance) => {
        const account = secretAccounts.instanceToken(context.tenantId, instance.id);
        const keychain = stored.has(account) ? await this.options.secrets.get(account) : null;
        const tokens = [...new Set([keychain, platformToken(instance)])].filter(
          (token): token is string => typeof token === 'string' && token !== '',
        );
        if (state.signal.aborted) return;
        try {
          const outcome = await checkInstance({
            client,
            lane,
            instance,
            tokens,
            signal: state.signal,
            policy: this.options.retry ?? DEFAULT_RETRY,
            now,
          });
          record.checked.push({
            instanceId: instance.id,
            instanceName: String(instance.name ?? ''),
            elementKey: instance.element?.key ?? '',
            checkedAt: now(),
            ...outcome,
          });
          state.progress.checked += 1;
          if (isFailing(outcome.outcome)) state.progress.failing += 1;
          this.report(state, false);
        } catch (error) {
          if (!isFailure(error, 'cancelled')) throw error;
        }
      }),
    );
  }

  private report(state: RunState, force: boolean): void {
    const now = this.options.clock.now();
    if (!force && now - state.emittedAt < PROGRESS_EVERY_MS) return;
    state.emittedAt = now;
    const { progress } = state;
    const elapsed = now - progress.startedAt;
    const left = progress.total - progress.checked;
    progress.etaMs = progress.checked > 0 ? Math.round((elapsed / progress.checked) * left) : null;
    const copy = { ...progress };
    this.options.events.emit('health.progress', copy);
    state.onProgress?.(copy);
  }
}
