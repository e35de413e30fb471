// The health results file: "last success" and "failing since" carried from run to run, instances
// gone from the platform dropped, a tenant that could not be listed keeping its results, runs capped.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthOutcome } from '../../../../../common/contract';
import {
  HEALTH_FILE,
  HealthStore,
  mergeTenantRun,
  RUNS_KEPT,
  type TenantRunRecord,
} from '../../../../../main/services/health/health-store';
import { silentLogger } from '../../../../../main/services/ports';

const check = (instanceId: number, outcome: HealthOutcome, checkedAt: number) => ({
  instanceId,
  instanceName: `instance-${instanceId}`,
  elementKey: 'zohocrmv2',
  outcome,
  message: outcome,
  checkedAt,
});

const record = (
  at: number,
  checked: ReturnType<typeof check>[],
  listed: number[] | null,
): TenantRunRecord => ({
  tenantId: 't1',
  run: {
    startedAt: at,
    finishedAt: at + 1,
    checked: checked.length,
    total: checked.length,
    failing: 0,
    cancelled: false,
  },
  problem: null,
  listed,
  checked,
});

describe('mergeTenantRun', () => {
  it('starts "failing since" at the first failure and keeps it while the instance keeps failing', () => {
    const first = mergeTenantRun(
      undefined,
      record(100, [check(1, 'valid', 100), check(2, 'token_refused', 100)], [1, 2]),
    );
    const second = mergeTenantRun(
      first,
      record(200, [check(1, 'unreachable', 200), check(2, 'token_refused', 200)], [1, 2]),
    );
    expect(second.results).toEqual([
      expect.objectContaining({
        instanceId: 1,
        outcome: 'unreachable',
        lastSuccessAt: 100,
        failingSince: 200,
      }),
      expect.objectContaining({
        instanceId: 2,
        outcome: 'token_refused',
        lastSuccessAt: null,
        failingSince: 100,
      }),
    ]);
    const third = mergeTenantRun(
      second,
      record(300, [check(1, 'valid', 300), check(2, 'disabled', 300)], [1, 2]),
    );
    expect(third.results[0]).toMatchObject({ lastSuccessAt: 300, failingSince: null });
    expect(third.results[1]).toMatchObject({ lastSuccessAt: null, failingSince: 100 });
  });

  it('drops instances the platform no longer lists and keeps the unchecked ones of a cancelled run', () => {
    const first = mergeTenantRun(
      undefined,
      record(100, [check(1, 'valid', 100), check(2, 'valid', 100)], [1, 2]),
    );
    const cancelled = mergeTenantRun(first, record(200, [check(3, 'platform_error', 200)], [2, 3]));
    expect(cancelled.results.map((result) => [result.instanceId, result.checkedAt])).toEqual([
      [2, 100],
      [3, 200],
    ]);
  });

  it('keeps every earlier result when the list could not be read, and only the last runs', () => {
    let health = mergeTenantRun(undefined, record(0, [check(1, 'valid', 0)], [1]));
    for (let run = 1; run <= RUNS_KEPT + 3; run += 1) health = mergeTenantRun(health, record(run, [], null));
    expect(health.results).toHaveLength(1);
    expect(health.runs).toHaveLength(RUNS_KEPT);
    expect(health.runs[0]!.startedAt).toBe(RUNS_KEPT + 3);
  });
});

describe('HealthStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'element-auth-health-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads back what it saved, owner-only', async () => {
    const store = new HealthStore(dir, silentLogger);
    await store.save(record(100, [check(1, 'valid', 100)], [1]));
    expect((await new HealthStore(dir, silentLogger).read()).t1?.results).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dir, HEALTH_FILE), 'utf8'))).toMatchObject({
      format: 'element-authenticator/health@1',
    });
  });

  it('starts afresh from a file it does not understand', async () => {
    await writeFile(path.join(dir, HEALTH_FILE), '{"format":"something else"');
    const store = new HealthStore(dir, silentLogger);
    expect(await store.read()).toEqual({});
    await store.save(record(100, [check(1, 'valid', 100)], [1]));
    expect(Object.keys(await store.read())).toEqual(['t1']);
  });
});
