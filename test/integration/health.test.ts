// The health service against a fleet of fake platforms (one per tenant, hundreds of instances,
// seeded failures): concurrency limits, outcomes, Retry-After, ordering, restart, Cancel, no secrets.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthBoard, HealthResult } from '../../common/contract';
import { healthRows, isFailing } from '../../common/health-rows';
import { AppFailure } from '../../main/services/errors';
import { HEALTH_FILE } from '../../main/services/health/health-store';
import type { FakeLoad } from '../fakes/platform-server';
import { startHealthWorld, type HealthWorld } from './health-support';

const resultsOf = (board: HealthBoard, tenantId: string) =>
  new Map(
    (board.tenants.find((tenant) => tenant.tenantId === tenantId)?.results ?? []).map((r) => [
      r.instanceId,
      r,
    ]),
  );

const pingsOf = (world: HealthWorld, index: number, id: number) => {
  const tenant = world.fleet[index]!;
  const token = tenant.platform.instances.get(id)!.token;
  return tenant.platform.requests.filter(
    (request) =>
      request.path.endsWith('/ping') && request.headers.authorization?.endsWith(`Element ${token}`),
  );
};

describe('health board across three tenants of 200 instances', () => {
  const sharedLoad: FakeLoad = { inFlight: 0, maxInFlight: 0 };
  let world: HealthWorld;
  let board: HealthBoard;

  beforeAll(async () => {
    world = await startHealthWorld({ tenants: 3, instancesPerTenant: 200, sharedLoad, delayMs: 5 });
    board = await world.services.health.run({ tenants: 'all', perTenant: 4, total: 8 });
  }, 60_000);
  afterAll(() => world.close());

  it('never has more than 4 requests in flight per tenant nor 8 in all, and uses that room', () => {
    expect(sharedLoad.maxInFlight).toBeLessThanOrEqual(8);
    expect(sharedLoad.maxInFlight).toBeGreaterThan(4);
    for (const tenant of world.fleet) {
      expect(tenant.platform.load.maxInFlight).toBeLessThanOrEqual(4);
      expect(tenant.platform.load.maxInFlight).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every instance the outcome its platform seeded', () => {
    world.fleet.forEach((tenant, index) => {
      const results = resultsOf(board, world.tenantIds[index]!);
      expect(results.size).toBe(200);
      const outcome = (id: number) => results.get(id)?.outcome;
      for (const id of tenant.failures.revoked) expect(outcome(id)).toBe('token_refused');
      for (const id of tenant.failures.disabled) expect(outcome(id)).toBe('disabled');
      for (const id of tenant.failures.broken) {
        expect(results.get(id)).toMatchObject({ outcome: 'platform_error', status: 500 });
        expect(results.get(id)?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
      for (const id of [
        ...tenant.failures.throttled,
        ...tenant.failures.unavailable,
        ...tenant.failures.slow,
      ])
        expect(outcome(id)).toBe('valid');
      const failing = [...results.values()].filter((result) => isFailing(result.outcome)).length;
      const { revoked, broken, disabled } = tenant.failures;
      expect(failing).toBe(revoked.length + broken.length + disabled.length);
    });
  });

  it('waits for Retry-After before asking again after a 429 or a 503', () => {
    const tenant = world.fleet[0]!;
    for (const id of [...tenant.failures.throttled, ...tenant.failures.unavailable]) {
      const pings = pingsOf(world, 0, id);
      expect(pings).toHaveLength(2);
      expect(pings[1]!.at - pings[0]!.at).toBeGreaterThanOrEqual(950);
    }
  });

  it('never pings a disabled instance', () => {
    for (const id of world.fleet[1]!.failures.disabled) expect(pingsOf(world, 1, id)).toHaveLength(0);
  });

  it('lists failing instances first, worst and oldest first, across tenants', () => {
    const rows = healthRows(board);
    expect(rows).toHaveLength(600);
    const firstValid = rows.findIndex((row) => row.outcome === 'valid');
    expect(rows.slice(firstValid).every((row) => row.outcome === 'valid')).toBe(true);
    expect(rows.slice(0, firstValid).map((row) => row.outcome)).toEqual(
      [...rows.slice(0, firstValid).map((row) => row.outcome)].sort(
        (a, b) =>
          ['token_refused', 'platform_error', 'unreachable', 'disabled'].indexOf(a) -
          ['token_refused', 'platform_error', 'unreachable', 'disabled'].indexOf(b),
      ),
    );
    expect(new Set(rows.slice(0, firstValid).map((row) => row.tenantName)).size).toBe(3);
  });

  it("writes each tenant's run to its activity log: counts only", async () => {
    for (const tenantId of world.tenantIds) {
      const { entries } = await world.services.activity.list({ tenantId, action: 'health.checked' });
      const results = [...resultsOf(board, tenantId).values()];
      const failing = results.filter((result) => result.outcome !== 'valid').length;
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        tenantId,
        details: { checked: 200, total: 200, failing, cancelled: false },
        source: 'app',
      });
    }
  });

  it('reports progress up to every instance checked, the failing counted', () => {
    const progress = world.events.of('health.progress');
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ done: true, checked: 600, total: 600, tenantsLeft: 0, etaMs: 0 });
    expect(last.failing).toBe(healthRows(board).filter((row) => isFailing(row.outcome)).length);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('stores no token and no secret in the results file', async () => {
    const text = await readFile(path.join(world.dataDir, HEALTH_FILE), 'utf8');
    for (const tenant of world.fleet) {
      expect(text).not.toContain(tenant.secrets.orgSecret);
      expect(text).not.toContain(tenant.secrets.userSecret);
      for (const instance of tenant.platform.instances.values()) {
        expect(text).not.toContain(instance.token);
        for (const value of Object.values(instance.configuration)) {
          if (value && value.length > 12) expect(text).not.toContain(value);
        }
      }
    }
  });

  it('keeps results, the last runs and "failing since" across a restart', async () => {
    const restarted = world.restart();
    expect(await restarted.health.board()).toEqual(board);
    const tenant = world.fleet[0]!;
    const [healed, stillRevoked] = tenant.failures.revoked as [number, number];
    const newlyBroken = [...tenant.platform.instances.keys()].find(
      (id) => resultsOf(board, world.tenantIds[0]!).get(id)?.outcome === 'valid',
    )!;
    tenant.platform.behaviour.pings!.delete(healed);
    tenant.platform.behaviour.pings!.set(newlyBroken, { status: 401 });
    const second = await restarted.health.run({ tenants: [tenant.name] });
    const before = resultsOf(board, world.tenantIds[0]!);
    const after = resultsOf(second, world.tenantIds[0]!);
    const first = (id: number) => before.get(id) as HealthResult;
    expect(after.get(stillRevoked)).toMatchObject({
      outcome: 'token_refused',
      failingSince: first(stillRevoked).failingSince,
      lastSuccessAt: null,
    });
    expect(after.get(healed)).toMatchObject({ outcome: 'valid', failingSince: null });
    expect(after.get(healed)!.lastSuccessAt).toBeGreaterThan(first(healed).checkedAt);
    expect(after.get(newlyBroken)).toMatchObject({
      outcome: 'token_refused',
      lastSuccessAt: first(newlyBroken).checkedAt,
    });
    expect(after.get(newlyBroken)!.failingSince).toBeGreaterThan(first(newlyBroken).checkedAt);
    const runs = second.tenants.find((t) => t.tenantId === world.tenantIds[0])!.runs;
    expect(runs).toHaveLength(2);
    expect(runs[0]!.startedAt).toBeGreaterThan(runs[1]!.startedAt);
    const untouched = second.tenants.find((t) => t.tenantId === world.tenantIds[1])!;
    expect(untouched.runs).toHaveLength(1);
  }, 60_000);
});

describe('tenants the health check cannot reach', () => {
  let world: HealthWorld;

  beforeAll(async () => {
    world = await startHealthWorld({ tenants: 2, instancesPerTenant: 10, failures: false });
  }, 30_000);
  afterAll(() => world.close());

  it('records refused secrets and an unreachable platform as the tenant problem, failing', async () => {
    await world.services.tenants.update({ id: world.tenantIds[0]!, orgSecret: 'org-secret-rotated-away' });
    await world.fleet[1]!.platform.close();
    const board = await world.services.health.run({ tenants: 'all' });
    const [refused, unreachable] = board.tenants;
    expect(refused!.problem).toMatchObject({ outcome: 'token_refused' });
    expect(refused!.problem!.message).toMatch(/organization or user secret/);
    expect(unreachable!.problem).toMatchObject({ outcome: 'unreachable' });
    expect(unreachable!.problem!.message).toMatch(/Could not reach the platform/);
    expect(refused!.runs[0]).toMatchObject({ failing: 1, checked: 0 });
  }, 30_000);

  it("stops the whole run with the keychain's sentence when the keychain refuses, and can run again", async () => {
    const { secretStore } = world;
    await world.services.tenants.update({
      id: world.tenantIds[0]!,
      orgSecret: world.fleet[0]!.secrets.orgSecret,
    });
    const get = secretStore.get.bind(secretStore);
    secretStore.get = () =>
      Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.'));
    await expect(world.services.health.run({ tenants: [world.tenantIds[0]!] })).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: 'The system keychain is not available.',
    });
    secretStore.get = get;
    const board = await world.services.health.run({ tenants: [world.tenantIds[0]!] });
    expect(board.tenants[0]!.results).toHaveLength(10);
  });

  it('names an unknown tenant instead of checking nothing', async () => {
    await expect(world.services.health.run({ tenants: ['Nobody Inc'] })).rejects.toMatchObject({
      code: 'tenant_not_found',
    });
  });
});

describe('Cancel', () => {
  let world: HealthWorld;

  beforeAll(async () => {
    world = await startHealthWorld({ tenants: 1, instancesPerTenant: 300, failures: false, delayMs: 200 });
  }, 30_000);
  afterAll(() => world.close());

  it('stops new requests within a second and keeps what was checked', async () => {
    const { health } = world.services;
    let started!: () => void;
    const eightChecked = new Promise<void>((resolve) => (started = resolve));
    const running = health.run({
      tenants: 'all',
      onProgress: (progress) => progress.checked >= 8 && started(),
    });
    await eightChecked;
    await expect(health.run({ tenants: 'all' })).rejects.toMatchObject({ code: 'health_running' });
    const cancelledAt = Date.now();
    health.cancel();
    const board = await running;
    const platform = world.fleet[0]!.platform;
    expect(platform.requests.filter((request) => request.at > cancelledAt + 1000)).toEqual([]);
    const [tenant] = board.tenants;
    expect(tenant!.runs[0]).toMatchObject({ cancelled: true, total: 300 });
    expect(tenant!.runs[0]!.checked).toBeLessThan(300);
    expect(tenant!.results.length).toBe(tenant!.runs[0]!.checked);
    expect(board.running).toBe(false);
  }, 30_000);
});
