// A keychain that fails midway (locked after N writes), stale temp files of killed writers and
// exports: every change says what was done, and `doctor` finds and repairs what is left behind.
import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../../support/failure-of';
import { secretAccounts } from '../../../../../main/services/tenants/secret-accounts';
import { FailingSecretStore, RecordingEvents } from '../../../../fakes/memory-secret-store';
import { buildServices, removeDir, tempDataDir } from '../../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

const secrets = { orgSecret: 'org-secret-0123456789-ABCD', userSecret: 'user-secret-9876543210-WXYZ' };

async function setup() {
  const dataDir = await tempDataDir('doctor');
  const outDir = await tempDataDir('doctor-exports');
  dirs.push(dataDir, outDir);
  const store = new FailingSecretStore();
  const events = new RecordingEvents();
  const services = buildServices({ dataDir, secretStore: store, events });
  return { dataDir, outDir, store, events, services };
}

/** The id of a process that has ended: its temp files are stale. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('a keychain that fails midway', () => {
  it('add: says nothing was added, and doctor deletes the item written before the failure', async () => {
    const { store, services } = await setup();
    store.lockAfterWrites(1);
    const error = await failureOf(services.tenants.add({ name: 'Acme', environment: 'us', ...secrets }));
    expect(error.code).toBe('keychain_locked');
    expect(error.message).toMatch(/^Acme was not added\. The keychain is locked/);
    expect((await services.tenants.list()).tenants).toEqual([]);
    expect(store.accounts()).toHaveLength(1);

    store.unlock();
    const report = await services.doctor.check();
    expect(report.orphanAccounts).toHaveLength(2);
    const repaired = await services.doctor.repair();
    expect(repaired.deletedAccounts).toHaveLength(2);
    expect(store.accounts()).toEqual([]);
    expect(await services.doctor.check()).toEqual({
      orphanAccounts: [],
      tenantsMissingSecrets: [],
      staleTempFiles: [],
    });
  });

  it('remove: says the tenant was removed and how many items were not, and doctor deletes the rest', async () => {
    const { store, services } = await setup();
    const acme = await services.tenants.add({ name: 'Acme', environment: 'us', ...secrets });
    const globex = await services.tenants.add({ name: 'Globex', environment: 'us', ...secrets });
    await services.tenants.keychain.set(secretAccounts.instanceToken(acme.id, 7), 'token-of-instance-7');
    store.lockAfterWrites(1);

    const error = await failureOf(services.tenants.remove({ id: 'Acme' }));
    expect(error.code).toBe('keychain_locked');
    expect(error.message).toMatch(
      /^Acme was removed from the tenant list, and 1 of its 3 keychain items were deleted\. The others are still in the keychain/,
    );
    expect((await services.tenants.list()).tenants.map((tenant) => tenant.name)).toEqual(['Globex']);

    store.unlock();
    expect((await services.doctor.check()).orphanAccounts).toHaveLength(2);
    await services.doctor.repair();
    expect(store.accounts()).toEqual(
      [secretAccounts.orgSecret(globex.id), secretAccounts.userSecret(globex.id)].sort(),
    );
  });

  it('a locked keychain reads as locked, not as a secret to enter again', async () => {
    const { store, services } = await setup();
    await services.tenants.add({ name: 'Acme', environment: 'us', ...secrets });
    store.lock();
    const error = await failureOf(services.tenants.resolve('Acme'));
    expect(error.code).toBe('keychain_locked');
    expect(error.message).not.toMatch(/enter it again/i);
    expect(error.message).toContain('your secrets are still there');
  });
});

describe('doctor', () => {
  it('lists a tenant whose secret is gone, and the app is told at start', async () => {
    const { store, services, events } = await setup();
    const acme = await services.tenants.add({ name: 'Acme', environment: 'us', ...secrets });
    store.items.delete(secretAccounts.userSecret(acme.id));
    expect((await services.doctor.check()).tenantsMissingSecrets).toEqual([
      { id: acme.id, name: 'Acme', missing: ['user secret'] },
    ]);
    await services.doctor.atStart();
    expect(events.of('app.notice').at(-1)).toEqual({
      level: 'warning',
      message: expect.stringContaining('Tenant “Acme” has no user secret in the keychain: enter it again'),
    });
  });

  it('removes stale temp files of killed writers, never those of a live one', async () => {
    const { dataDir, services } = await setup();
    await services.tenants.add({ name: 'Acme', environment: 'us', ...secrets });
    const stale = path.join(dataDir, `.tenants.json.${deadPid()}.0a1b2c.tmp`);
    const live = path.join(dataDir, `.tenants.json.${process.pid}.0a1b2d.tmp`);
    await writeFile(stale, '{}');
    await writeFile(live, '{}');
    expect((await services.doctor.check()).staleTempFiles).toEqual([stale]);
    expect((await services.doctor.repair()).removedFiles).toEqual([stale]);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([path.basename(live)]);
    expect(await readdir(dataDir)).toContain('tenants.json');
  });

  it('removes at start the temp file of an export that was killed (it may hold tokens)', async () => {
    const { outDir, services, events } = await setup();
    const target = path.join(outDir, 'acme.json');
    await services.tenants.keychain.registry.update((data) => void data.exportsInProgress.push(target));
    const temp = path.join(outDir, `.acme.json.${deadPid()}.00ff00.tmp`);
    await writeFile(temp, '{"token":"instance-token-in-clear"}');

    await services.doctor.atStart();

    expect(await readdir(outDir)).toEqual([]);
    expect((await services.tenants.keychain.registry.read()).exportsInProgress).toEqual([]);
    expect(events.of('app.notice')[0]?.message).toContain('Removed 1 unfinished export file');
  });
});
