// Export files never land in the data folder (they could overwrite tenants.json), whichever way the
// path is spelled; outside it they are written and no export stays recorded as in progress.
import { mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFailure } from '../../../../../main/services/errors';
import { exportHead, type ExportStream } from '../../../../../main/services/instances/export-document';
import { ExportFiles } from '../../../../../main/services/instances/export-files';
import { silentLogger } from '../../../../../main/services/ports';
import { TenantRegistry } from '../../../../../main/services/tenants/tenant-registry';
import { removeDir, tempDataDir } from '../../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

/** An export of no instance (a stream is read once: each write gets its own). */
const emptyExport = (): ExportStream => ({
  head: exportHead({
    tenant: { name: 'Acme', environment: 'us', baseUrl: 'https://api.cloud-elements.com/elements/api-v2' },
    exportedAt: new Date(0),
    includeSecrets: false,
  }),
  instances: (async function* () {})(),
  count: 0,
});

async function setup() {
  const dataDir = await tempDataDir('export-files-data');
  const outDir = await tempDataDir('export-files-out');
  dirs.push(dataDir, outDir);
  const registry = new TenantRegistry({
    dataDir,
    clock: { now: () => 0 },
    log: silentLogger,
    onRecovered: () => undefined,
  });
  await registry.update((data) => void (data.activeTenantId = null));
  return { dataDir, outDir, registry, files: new ExportFiles({ dataDir, registry }) };
}

describe('export files', () => {
  it('refuses tenants.json, any file in the data folder, and the folder reached through a symlink', async () => {
    const { dataDir, outDir, files } = await setup();
    const before = await readFile(path.join(dataDir, 'tenants.json'), 'utf8');
    await mkdir(path.join(dataDir, 'sub'));
    await symlink(dataDir, path.join(outDir, 'link'));
    for (const target of [
      path.join(dataDir, 'tenants.json'),
      path.join(dataDir, 'sub', 'export.json'),
      path.join(outDir, '..', path.basename(dataDir), 'tenants.json'),
      path.join(outDir, 'link', 'tenants.json'),
      dataDir,
    ]) {
      const error = await files.write(target, emptyExport()).catch((caught: unknown) => caught);
      expect(isFailure(error, 'export_unwritable'), target).toBe(true);
      expect((error as Error).message).toContain("inside the app's data folder");
      expect((error as Error).message).toContain('Nothing was written');
    }
    expect(await readFile(path.join(dataDir, 'tenants.json'), 'utf8')).toBe(before);
  });

  it('writes elsewhere and leaves nothing recorded as in progress', async () => {
    const { outDir, registry, files } = await setup();
    await files.write(path.join(outDir, 'acme.json'), emptyExport());
    expect(await readdir(outDir)).toEqual(['acme.json']);
    expect((await registry.read()).exportsInProgress).toEqual([]);
  });
});
