// Many writers at once: 20+ element-auth processes and the app's own services add and remove
// tenants on one data folder and keychain. No tenant lost, no orphan item, every exit code honest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/services/index';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { RecordingEvents } from '../fakes/memory-secret-store';
import { keychainAccounts } from '../support/keychain-items';
import {
  buildCliOnce,
  createWorld,
  ORG_SECRET,
  USER_SECRET,
  type CliResult,
  type CliWorld,
} from './cli-helpers';
import { buildServices } from './tenants-support';

let world: CliWorld;
let app: Services;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('concurrency');
  app = buildServices({ dataDir: world.home, secretStore: world.store, events: new RecordingEvents() });
}, 120_000);

afterAll(async () => {
  await world.close();
});

const SECRET_ENV = { ELEMENT_AUTH_ORG_SECRET: ORG_SECRET, ELEMENT_AUTH_USER_SECRET: USER_SECRET };

interface Tally {
  tried: number;
  lost: number;
  crashed: number;
}

const crashed = (result: CliResult) => result.code === null || result.code > 2;

/** Every keychain item under the test's service belongs to a listed tenant (no orphan), and every tenant has both. */
async function orphansAndGaps(): Promise<{ orphans: string[]; missing: string[] }> {
  const { tenants } = await app.tenants.list();
  const expected = tenants.flatMap((tenant) => [
    secretAccounts.orgSecret(tenant.id),
    secretAccounts.userSecret(tenant.id),
  ]);
  const stored = keychainAccounts(world.service);
  return {
    orphans: stored.filter((account) => !expected.includes(account)),
    missing: expected.filter((account) => !stored.includes(account)),
  };
}

function report(tally: Tally, orphans: number) {
  console.log(
    `concurrency: operations tried ${tally.tried} / lost ${tally.lost} / crashed ${tally.crashed} / orphans ${orphans}`,
  );
}

describe('many writers at once', () => {
  it('20 CLI adds and 10 app adds at the same time: every tenant is there with its secrets', async () => {
    const cliNames = Array.from({ length: 20 }, (_, n) => `CLI tenant ${n}`);
    const appNames = Array.from({ length: 10 }, (_, n) => `App tenant ${n}`);
    const cli = cliNames.map((name) =>
      world.run(['tenant', 'add', name, '--env', world.platform.baseUrl, '--json'], { env: SECRET_ENV }),
    );
    const inApp = appNames.map((name) =>
      app.tenants.add({
        name,
        environment: 'custom',
        customUrl: world.platform.baseUrl,
        orgSecret: ORG_SECRET,
        userSecret: USER_SECRET,
      }),
    );
    const results = await Promise.all(cli);
    const appResults = await Promise.allSettled(inApp);

    const listed = (await app.tenants.list()).tenants.map((tenant) => tenant.name);
    const tally: Tally = { tried: results.length + appResults.length, lost: 0, crashed: 0 };
    results.forEach((result, n) => {
      if (crashed(result)) tally.crashed += 1;
      if (result.code === 0 && !listed.includes(cliNames[n] ?? '')) tally.lost += 1;
    });
    appResults.forEach((result, n) => {
      if (result.status === 'fulfilled' && !listed.includes(appNames[n] ?? '')) tally.lost += 1;
    });
    const { orphans, missing } = await orphansAndGaps();
    report(tally, orphans.length);

    expect(results.map((result) => [result.code, result.stderr])).toEqual(results.map(() => [0, '']));
    expect(appResults.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(listed.sort()).toEqual([...cliNames, ...appNames].sort());
    expect(tally).toEqual({ tried: 30, lost: 0, crashed: 0 });
    expect({ orphans, missing }).toEqual({ orphans: [], missing: [] });
  }, 240_000);

  it('parallel removes, adds and duplicate names: what exited 0 happened, what failed says why', async () => {
    const removes = Array.from({ length: 10 }, (_, n) =>
      world.run(['tenant', 'remove', `CLI tenant ${n}`, '--yes']),
    );
    // Two processes race for one new name: exactly one wins, the other says the name is taken.
    const duplicates = [0, 1].map(() =>
      world.run(['tenant', 'add', 'Contested', '--env', world.platform.baseUrl], { env: SECRET_ENV }),
    );
    const adds = Array.from({ length: 8 }, (_, n) =>
      world.run(['tenant', 'add', `Late tenant ${n}`, '--env', world.platform.baseUrl], { env: SECRET_ENV }),
    );
    const appRemoves = Array.from({ length: 5 }, (_, n) => app.tenants.remove({ id: `App tenant ${n}` }));
    const [removed, raced, added, appRemoved] = await Promise.all([
      Promise.all(removes),
      Promise.all(duplicates),
      Promise.all(adds),
      Promise.allSettled(appRemoves),
    ]);

    const listed = (await app.tenants.list()).tenants.map((tenant) => tenant.name);
    const everyRun = [...removed, ...raced, ...added];
    const tally: Tally = {
      tried: everyRun.length + appRemoved.length,
      lost: added.filter((result, n) => result.code === 0 && !listed.includes(`Late tenant ${n}`)).length,
      crashed: everyRun.filter(crashed).length,
    };
    const { orphans, missing } = await orphansAndGaps();
    report(tally, orphans.length);

    expect(removed.map((result) => result.code)).toEqual(removed.map(() => 0));
    expect(appRemoved.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(raced.map((result) => result.code).sort()).toEqual([0, 1]);
    expect(raced.find((result) => result.code === 1)?.stderr).toContain(
      'A tenant named “Contested” already exists',
    );
    expect(added.map((result) => result.code)).toEqual(added.map(() => 0));
    expect(listed.filter((name) => /^(CLI tenant [0-9]|App tenant [0-4])$/.test(name))).toEqual([]);
    expect(listed).toHaveLength(10 + 5 + 1 + 8);
    expect(tally.lost + tally.crashed).toBe(0);
    expect({ orphans, missing }).toEqual({ orphans: [], missing: [] });
  }, 240_000);
});
