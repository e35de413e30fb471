// The tenants metadata file: atomic 0600 writes with a schema version, serial changes, and
// recovery from a damaged or unreadable file (moved aside, the user told, nothing else lost).
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFailure } from '../../../../../main/services/errors';
import { silentLogger } from '../../../../../main/services/ports';
import { TenantRegistry } from '../../../../../main/services/tenants/tenant-registry';
import { removeDir, tempDataDir } from '../../../../integration/tenants-support';
import { tenantRecord } from '../../../../support/tenant-record';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

const NOW = Date.UTC(2024, 4, 17, 9, 30, 15, 123);

async function registryIn(dataDir?: string) {
  const dir = dataDir ?? (await tempDataDir('tenants-registry'));
  dirs.push(dir);
  const notices: string[] = [];
  const registry = new TenantRegistry({
    dataDir: dir,
    clock: { now: () => NOW },
    log: silentLogger,
    onRecovered: (m) => notices.push(m),
  });
  return { dir, registry, notices, file: path.join(dir, 'tenants.json') };
}

const tenant = (id: string, name: string) => tenantRecord(id, name, NOW);

describe('tenant registry', () => {
  it("tells where tenants' secrets live, following another process's change, even while a change holds the queue", async () => {
    const { dir, registry } = await registryIn();
    expect(await registry.secretHomes()).toEqual({});
    const other = (await registryIn(dir)).registry;
    const home = { kind: 'pass' as const, dir: '/stores/team', entry: 'customers/acme' };
    await other.update((data) => {
      data.secretHomes.t1 = home;
    });
    expect(await registry.secretHomes()).toEqual({ t1: home });
    // Inside a change (as a rotation reads and writes secrets there), the answer does not wait for it.
    const inside = await registry.update(() => registry.secretHomes());
    expect(inside).toEqual({ t1: home });
    await other.update((data) => {
      delete data.secretHomes.t1;
    });
    expect(await registry.secretHomes()).toEqual({});
  });

  it('starts empty without a file and writes a versioned 0600 file atomically, leaving no temp file', async () => {
    const { dir, registry, file } = await registryIn();
    expect(await registry.read()).toEqual({
      schemaVersion: 1,
      activeTenantId: null,
      tenants: [],
      oauthApps: [],
      secretAccounts: [],
      exportsInProgress: [],
      secretHomes: {},
    });

    await registry.update((data) => {
      data.tenants.push(tenant('a1', 'Acme'));
      data.activeTenantId = 'a1';
    });

    expect(await readdir(dir)).toEqual(['tenants.json']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      schemaVersion: 1,
      activeTenantId: 'a1',
      tenants: [{ name: 'Acme' }],
    });
  });

  it('creates a missing data folder', async () => {
    const { dir } = await registryIn();
    const { registry } = await registryIn(path.join(dir, 'nested', 'Element Authenticator'));
    await registry.update((data) => void data.tenants.push(tenant('a1', 'Acme')));
    expect((await registry.read()).tenants).toHaveLength(1);
  });

  it('runs changes one after another, so none is lost', async () => {
    const { registry } = await registryIn();
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        registry.update((data) => void data.tenants.push(tenant(`t${n}`, `Tenant ${n}`))),
      ),
    );
    expect((await registry.read()).tenants).toHaveLength(20);
  });

  it('writes nothing when a change fails', async () => {
    const { dir, registry } = await registryIn();
    await expect(
      registry.update((data) => {
        data.tenants.push(tenant('a1', 'Acme'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "tenants": [', 'is damaged (it is not valid JSON)'],
    [
      'the wrong shape',
      '{"schemaVersion": 1, "tenants": "Acme"}',
      'is damaged (its content is not what the app expects)',
    ],
    [
      'no version',
      '{"tenants": [], "oauthApps": []}',
      'is damaged (its content is not what the app expects)',
    ],
  ])('moves a file with %s aside, tells the user and starts empty', async (_kind, content, reason) => {
    const { dir, registry, notices, file } = await registryIn();
    await writeFile(file, content);
    await writeFile(path.join(dir, 'other.log'), 'untouched');

    expect((await registry.read()).tenants).toEqual([]);

    const aside = `${file}.corrupt-2024-05-17T09-30-15-123Z`;
    expect(await readFile(aside, 'utf8')).toBe(content);
    expect((await readdir(dir)).sort()).toEqual([
      'other.log',
      'tenants.json.corrupt-2024-05-17T09-30-15-123Z',
    ]);
    expect(await readFile(path.join(dir, 'other.log'), 'utf8')).toBe('untouched');
    expect(notices).toEqual([
      `The tenants file ${reason}, so it was moved aside to ${aside} and the app goes on with an empty tenant list. ` +
        'Nothing else was changed: add your tenants again; the old file stays there for reference.',
    ]);
  });

  it('moves an unreadable file aside without overwriting an earlier one', async () => {
    const { dir, registry, notices, file } = await registryIn();
    await writeFile(`${file}.corrupt-2024-05-17T09-30-15-123Z`, 'earlier');
    await mkdir(file);

    await registry.update((data) => void data.tenants.push(tenant('a1', 'Acme')));

    expect(notices[0]).toContain('could not be read (EISDIR)');
    expect((await readdir(dir)).sort()).toEqual([
      'tenants.json',
      'tenants.json.corrupt-2024-05-17T09-30-15-123Z',
      'tenants.json.corrupt-2024-05-17T09-30-15-123Z-1',
    ]);
    expect(await readFile(`${file}.corrupt-2024-05-17T09-30-15-123Z`, 'utf8')).toBe('earlier');
    expect((await registry.read()).tenants).toHaveLength(1);
  });

  it('leaves a file from a newer version untouched and says to update the app', async () => {
    const { registry, notices, file } = await registryIn();
    const newer = '{"schemaVersion": 2, "tenants": [], "oauthApps": [], "activeTenantId": null}';
    await writeFile(file, newer);

    const error = await registry.read().catch((caught: unknown) => caught);

    expect(isFailure(error, 'metadata_unreadable')).toBe(true);
    expect((error as Error).message).toContain('written by a newer version of Element Authenticator');
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(notices).toEqual([]);
  });

  it('forgets an active tenant that is not in the list', async () => {
    const { registry, file } = await registryIn();
    await writeFile(
      file,
      JSON.stringify({
        schemaVersion: 1,
        activeTenantId: 'gone',
        tenants: [tenant('a1', 'Acme')],
        oauthApps: [],
      }),
    );
    expect((await registry.read()).activeTenantId).toBeNull();
  });

  it('says so when the file cannot be written, and leaves no temp file behind', async () => {
    const { dir, registry, file } = await registryIn();
    const error = await registry
      .update(async () => {
        // Something now sits where the file goes, so the final rename fails.
        await mkdir(file);
        await writeFile(path.join(file, 'inside'), '');
      })
      .catch((caught: unknown) => caught);
    expect(isFailure(error, 'metadata_unwritable')).toBe(true);
    expect((error as Error).message).toMatch(/^Could not save the tenants file .*tenants\.json \(E[A-Z]+\)/);
    expect(await readdir(dir)).toEqual(['tenants.json']);
  });
});
