// Kills at exact points (ELEMENT_AUTH_TEST_KILL_AT, the CLI's kill-point hook) inside tenant add,
// tenant remove and instances export; then `doctor` lists what was left and `doctor --repair` cleans it.
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { keychainAccounts } from '../support/keychain-items';
import {
  addTenant,
  buildCliOnce,
  createWorld,
  indexedStore,
  ORG_SECRET,
  USER_SECRET,
  type CliWorld,
} from './cli-helpers';

let world: CliWorld;
let outDir: string;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('kill-points');
  outDir = await mkdtemp(path.join(tmpdir(), 'element-auth-kill-exports-'));
}, 120_000);

afterAll(async () => {
  await world.close();
  await rm(outDir, { recursive: true, force: true });
});

const SECRET_ENV = { ELEMENT_AUTH_ORG_SECRET: ORG_SECRET, ELEMENT_AUTH_USER_SECRET: USER_SECRET };
const killAt = (point: string) => ({ ELEMENT_AUTH_TEST_KILL_AT: point });

/** The accounts the listed tenants own: after a repair the keychain holds exactly these. */
async function accountsOfListedTenants(): Promise<string[]> {
  const listed = JSON.parse((await world.run(['tenant', 'list', '--json'])).stdout) as {
    tenants: { id: string }[];
  };
  return listed.tenants
    .flatMap((tenant) => [secretAccounts.orgSecret(tenant.id), secretAccounts.userSecret(tenant.id)])
    .sort();
}

async function expectRepaired() {
  const repaired = await world.run(['doctor', '--repair']);
  expect(repaired.code, repaired.stderr).toBe(0);
  expect(keychainAccounts(world.service)).toEqual(await accountsOfListedTenants());
  const again = await world.run(['doctor']);
  expect(again).toMatchObject({ code: 0 });
  expect(again.stdout).toMatch(/^Nothing to repair/);
}

describe('killed at any moment, repaired by doctor', () => {
  it.each(['tenant-add:indexed', 'tenant-add:item-written', 'tenant-add:secrets-written'])(
    'tenant add killed at %s: no tenant, and doctor deletes its items',
    async (point) => {
      const killed = await world.run(['tenant', 'add', 'Victim', '--env', world.platform.baseUrl], {
        env: { ...SECRET_ENV, ...killAt(point) },
      });
      expect(killed.code).toBeNull();
      expect((await world.run(['tenant', 'list'])).stdout).not.toContain('Victim');
      const listed = await world.run(['doctor']);
      expect(listed.code).toBe(1);
      expect(listed.stdout).toMatch(/orphan keychain item: tenant:[0-9a-f]+:org-secret/);
      expect(listed.stderr).toContain('Nothing was changed');
      await expectRepaired();
    },
    60_000,
  );

  it.each(['tenant-remove:unlisted', 'tenant-remove:secret-deleted'])(
    'tenant remove killed at %s: the tenant is gone, and doctor deletes what it left',
    async (point) => {
      await addTenant(world, 'Keeper');
      const doomed = await addTenant(world, 'Doomed');
      await indexedStore(world).set(secretAccounts.instanceToken(doomed.id, 9), 'token-of-instance-9');
      const killed = await world.run(['tenant', 'remove', 'Doomed', '--yes'], { env: killAt(point) });
      expect(killed.code).toBeNull();
      expect((await world.run(['tenant', 'list'])).stdout).not.toContain('Doomed');
      expect(keychainAccounts(world.service).some((account) => account.includes(doomed.id))).toBe(true);
      await expectRepaired();
      expect(keychainAccounts(world.service).some((account) => account.includes(doomed.id))).toBe(false);
      expect((await world.run(['tenant', 'remove', 'Keeper', '--yes'])).code).toBe(0);
    },
    60_000,
  );

  it('instances export killed with its temp file written: the file with tokens is removed next time', async () => {
    await addTenant(world, 'Exporter');
    const target = path.join(outDir, 'exporter.json');
    const killed = await world.run(
      ['instances', 'export', '--all', '--include-secrets', '--out', target, '--tenant', 'Exporter'],
      { env: killAt('export:temp-written') },
    );
    expect(killed.code).toBeNull();
    const left = await readdir(outDir);
    expect(left).toEqual([expect.stringMatching(/^\.exporter\.json\.\d+\.[0-9a-f]+\.tmp$/)]);
    expect((await world.run(['doctor'])).stdout).toContain(
      `stale temp file: ${path.join(outDir, left[0] ?? '')}`,
    );
    await expectRepaired();
    expect(await readdir(outDir)).toEqual([]);
  }, 60_000);

  it('refuses an export into the data folder, and tenants.json stays as it was', async () => {
    const result = await world.run([
      'instances',
      'export',
      '--all',
      '--out',
      path.join(world.home, 'tenants.json'),
      '--tenant',
      'Exporter',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("inside the app's data folder");
    expect((await world.run(['tenant', 'list'])).stdout).toContain('Exporter');
  }, 60_000);
});
