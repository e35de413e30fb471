// A fleet of fake platforms for the health board: one fake per tenant with hundreds of instances
// and seeded failures (revoked tokens, 5xx, 429/503 with Retry-After, slow answers, disabled).
import { startFakePlatform, type FakeLoad, type FakePlatform, type PingPlan } from './platform-server';

export interface SeededFailures {
  /** Instance ids whose ping answers 401 (a revoked token). */
  revoked: number[];
  /** Instance ids whose ping answers 500 every time. */
  broken: number[];
  /** Instance ids answered 429 once with Retry-After: 1, then normally. */
  throttled: number[];
  /** Instance ids answered 503 once with Retry-After: 1, then normally. */
  unavailable: number[];
  /** Instance ids whose ping takes 300 ms. */
  slow: number[];
  /** Instance ids disabled on the platform. */
  disabled: number[];
}

export interface FleetTenant {
  name: string;
  color: string;
  platform: FakePlatform;
  secrets: { orgSecret: string; userSecret: string };
  failures: SeededFailures;
}

export interface FleetOptions {
  tenants: number;
  instancesPerTenant: number;
  /** Seed failures (a few of each kind per tenant); default true. */
  failures?: boolean;
  /** One counter for every fake: requests in flight across the fleet. */
  sharedLoad?: FakeLoad;
  /** Delay of every platform answer. */
  delayMs?: number;
}

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599'];
export const FLEET_NAMES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];

function seedFailures(platform: FakePlatform, ids: number[], tenantIndex: number): SeededFailures {
  const pick = (from: number, count: number) => ids.slice(from + tenantIndex, from + tenantIndex + count);
  const failures: SeededFailures = {
    revoked: pick(3, 3 + tenantIndex),
    broken: pick(20, 2),
    throttled: pick(40, 2),
    unavailable: pick(60, 1),
    slow: pick(80, 2),
    disabled: pick(100, 1 + (tenantIndex % 2)),
  };
  const pings = new Map<number, PingPlan>();
  for (const id of failures.revoked) pings.set(id, { status: 401 });
  for (const id of failures.broken) pings.set(id, { status: 500 });
  for (const id of failures.throttled) pings.set(id, { status: 429, retryAfterSeconds: 1, times: 1 });
  for (const id of failures.unavailable) pings.set(id, { status: 503, retryAfterSeconds: 1, times: 1 });
  for (const id of failures.slow) pings.set(id, { delayMs: 300 });
  for (const id of failures.disabled) {
    const instance = platform.instances.get(id);
    if (instance) instance.disabled = true;
  }
  platform.behaviour.pings = pings;
  return failures;
}

const noFailures: SeededFailures = {
  revoked: [],
  broken: [],
  throttled: [],
  unavailable: [],
  slow: [],
  disabled: [],
};

export async function startHealthFleet(options: FleetOptions): Promise<FleetTenant[]> {
  const fleet: FleetTenant[] = [];
  for (let index = 0; index < options.tenants; index += 1) {
    const secrets = { orgSecret: `org-secret-${index}-fleet`, userSecret: `user-secret-${index}-fleet` };
    const platform = await startFakePlatform({ ...secrets, sharedLoad: options.sharedLoad });
    const name = FLEET_NAMES[index] ?? `Customer ${index + 1}`;
    const ids = platform
      .seedInstances(options.instancesPerTenant, { namePrefix: name.toLowerCase().replace(/\s+/g, '-') })
      .map((instance) => instance.id);
    if (options.delayMs) platform.behaviour.delayMs = options.delayMs;
    const failures = options.failures === false ? noFailures : seedFailures(platform, ids, index);
    fleet.push({ name, color: COLORS[index % COLORS.length] ?? '#1c7ed6', platform, secrets, failures });
  }
  return fleet;
}

/** Closes every fake; one a test already closed (to make its tenant unreachable) is passed over. */
export async function stopHealthFleet(fleet: FleetTenant[]): Promise<void> {
  await Promise.all(fleet.map((tenant) => tenant.platform.close().catch(() => undefined)));
}
