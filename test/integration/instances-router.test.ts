// The 'instances.*' channels through the app's router, as the renderer calls them: no token in
// any answer, the clipboard and the save dialog in main, and errors as envelopes with sentences.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRouter, type Router } from '../../main/router/index';
import { silentLogger } from '../../main/services/ports';
import { secretValuesOf, startInstancesWorld, type InstancesWorld } from './instances-support';

let world: InstancesWorld;
let router: Router;
let folder: string;
const clipboard: string[] = [];
const dialogs = {
  nextSavePath: null as string | null,
  asked: [] as { title: string; defaultName: string }[],
};

beforeEach(async () => {
  world = await startInstancesWorld('instances-router');
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-router-export-'));
  clipboard.length = 0;
  dialogs.asked.length = 0;
  dialogs.nextSavePath = null;
  router = createAppRouter(world.services, {
    clipboard: { writeText: (text) => void clipboard.push(text) },
    dialogs: {
      chooseSavePath: async (options) => {
        dialogs.asked.push(options);
        return dialogs.nextSavePath;
      },
      chooseOpenPath: async () => null,
    },
    log: silentLogger,
  });
});

afterEach(async () => {
  await world.close();
  await rm(folder, { recursive: true, force: true });
});

describe('instances channels', () => {
  it('list and get answer without a single secret value', async () => {
    const seeded = world.platform.seedInstances(3);
    for (const instance of seeded) instance.providerData = { code: `1000.grant-of-${instance.id}` };
    const secrets = seeded.flatMap((instance) => secretValuesOf(instance));
    const [first] = seeded;
    if (!first) throw new Error('seed failed');

    const list = await router.invoke('instances.list', undefined);
    const detail = await router.invoke('instances.get', { id: first.id, tenantId: world.tenantId });

    expect(list).toMatchObject({
      ok: true,
      value: { tenantName: 'Acme Corp', instances: expect.any(Array) },
    });
    expect(detail).toMatchObject({ ok: true, value: { instance: { id: first.id, token: '********' } } });
    const text = JSON.stringify([list, detail]);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('copies the token and the create body to the clipboard in main, answering null', async () => {
    const [instance] = world.platform.seedInstances(1, { tags: ['copy'] });
    if (!instance) throw new Error('seed failed');

    expect(await router.invoke('instances.copyToken', { id: instance.id })).toEqual({
      ok: true,
      value: null,
    });
    expect(await router.invoke('instances.copyCreateBody', { id: instance.id })).toEqual({
      ok: true,
      value: null,
    });

    expect(clipboard[0]).toBe(instance.token);
    const body = JSON.parse(clipboard[1] ?? '') as Record<string, unknown>;
    expect(body).toMatchObject({ element: { key: 'zohocrmv2' }, name: instance.name, tags: ['copy'] });
    expect(clipboard[1]).not.toContain(instance.token);
  });

  it('exports to the path the save dialog gives, and writes nothing when the dialog is cancelled', async () => {
    world.platform.seedInstances(4);
    const cancelled = await router.invoke('instances.export', { ids: 'all', includeSecrets: false });
    expect(cancelled).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'The export was cancelled: no file was written.' },
    });
    expect(await readdir(folder)).toEqual([]);
    expect(dialogs.asked[0]).toEqual({
      title: 'Export instances of Acme Corp',
      defaultName: 'acme-corp-instances-2024-05-17.json',
    });

    dialogs.nextSavePath = path.join(folder, 'acme.json');
    const written = await router.invoke('instances.export', { ids: 'all', includeSecrets: true });

    expect(written).toEqual({
      ok: true,
      value: { path: dialogs.nextSavePath, count: 4, secretsIncluded: true },
    });
    expect(dialogs.asked[1]?.title).toBe('Export instances of Acme Corp with their secrets');
    expect((await stat(dialogs.nextSavePath)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(dialogs.nextSavePath, 'utf8'))).toMatchObject({ secretsIncluded: true });
  });

  it('says in words why an export could not be written', async () => {
    world.platform.seedInstances(1);
    dialogs.nextSavePath = path.join(folder, 'no-such-folder', 'acme.json');
    const result = await router.invoke('instances.export', { ids: 'all', includeSecrets: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'export_unwritable' } });
  });

  it('answers a wrong typed name and an empty selection with an error envelope', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    const mismatch = await router.invoke('instances.delete', { id: instance.id, confirmName: 'nope' });
    const empty = await router.invoke('instances.export', { ids: [], includeSecrets: false });

    expect(mismatch).toMatchObject({ ok: false, error: { code: 'confirmation_mismatch' } });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Select at least one instance.') },
    });
    expect(world.platform.instances.has(instance.id)).toBe(true);
  });
});
