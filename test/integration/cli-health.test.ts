// The built element-auth CLI, health: a table or JSON lines of every instance failing first, exit 0
// when all are healthy, 1 when any is failing (or a tenant cannot be checked), 2 on usage errors.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_FILE } from '../../main/services/health/health-store';
import { addTenant, buildCliOnce, createWorld, ORG_SECRET, USER_SECRET, type CliWorld } from './cli-helpers';

let world: CliWorld;
let revoked: number[];
let tokens: string[];

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('health');
  await addTenant(world, 'Acme');
  await addTenant(world, 'Globex');
  const ids = world.platform.seedInstances(40, { namePrefix: 'fleet' }).map((instance) => instance.id);
  revoked = ids.slice(5, 7);
  world.platform.behaviour.pings = new Map(revoked.map((id) => [id, { status: 401 }]));
  tokens = [...world.platform.instances.values()].map((instance) => instance.token);
}, 120_000);

afterAll(() => world.close());

describe('element-auth health', () => {
  it('prints every instance of every tenant failing first and exits 1 when any is failing', async () => {
    const result = await world.run(['health', '--all-tenants', '--concurrency', '3']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^TENANT\s+ID\s+INSTANCE\s+ELEMENT\s+OUTCOME\s+LAST SUCCESS\s+FAILING SINCE\s+DETAIL$/,
    );
    expect(lines).toHaveLength(1 + 80);
    expect(lines.slice(1, 5).every((line) => line.includes('token refused (401)'))).toBe(true);
    expect(lines.slice(5).every((line) => /\svalid\s/.test(line))).toBe(true);
    expect(result.stderr).toMatch(/80 instances checked: 4 failing\./);
    expect(world.platform.load.maxInFlight).toBeLessThanOrEqual(3);
    for (const token of tokens) expect(result.stdout + result.stderr).not.toContain(token);
  }, 60_000);

  it('exits 0 when every instance of the chosen tenant is healthy', async () => {
    world.platform.behaviour.pings = new Map();
    const result = await world.run(['health', '--tenant', 'Globex']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').slice(1)).toHaveLength(40);
    expect(result.stdout).not.toMatch(/^Acme/m);
    world.platform.behaviour.pings = new Map(revoked.map((id) => [id, { status: 401 }]));
  }, 60_000);

  it('prints one JSON object per line with --json, "failing since" carried from the earlier run', async () => {
    const result = await world.run(['health', '--tenant', 'acme', '--json']);
    expect(result.code).toBe(1);
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(40);
    expect(rows[0]).toMatchObject({ tenantName: 'Acme', outcome: 'token_refused', instanceId: revoked[0] });
    expect(rows[0]!.failingSince).not.toBe(rows[0]!.checkedAt);
    expect(rows.at(-1)).toMatchObject({ outcome: 'valid', failingSince: null });
  }, 60_000);

  it('keeps no token or secret in the results file', async () => {
    const text = await readFile(path.join(world.home, HEALTH_FILE), 'utf8');
    for (const secret of [...tokens, ORG_SECRET, USER_SECRET]) expect(text).not.toContain(secret);
  });

  it('exits 1 naming a tenant whose secrets the platform refuses', async () => {
    await addTenant(world, 'Wrong', {
      org: 'ORG-not-the-right-one-1234',
      user: 'USR-not-the-right-one-5678',
    });
    const result = await world.run(['health', '--tenant', 'Wrong']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Wrong: not checked: The platform refused this tenant's organization or user secret/,
    );
  }, 60_000);

  it.each([
    [['health', '--concurrency', '0'], /--concurrency is a whole number from 1 to 256/],
    [['health', '--tenant', 'Acme', '--all-tenants'], /--tenant or --all-tenants, not both/],
    [['health', 'now'], /Unexpected argument: now/],
    [['health', '--fast'], /Unknown option '--fast'/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await world.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/element-auth health --help/);
  });
});
