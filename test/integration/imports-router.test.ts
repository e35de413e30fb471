// The 'imports.*' and 'queue.*' channels through the app's router, with two fake platforms (staging
// and production) and the real keychain: a plan from an export file (main's open dialog) or straight
// from another tenant, never a secret in what reaches the renderer, collisions with a free name, and
// the queue file surviving a restart without a removed tenant's items.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlanView, QueueItem } from '../../common/contract';
import { createAppRouter, type Router } from '../../main/router/index';
import { silentLogger } from '../../main/services/ports';
import { QUEUE_FILE, SignInQueueFile } from '../../main/services/queue/sign-in-queue-file';
import { startFakePlatform, type FakeInstance, type FakePlatform } from '../fakes/platform-server';
import { appServices, secretValuesOf, startInstancesWorld, type InstancesWorld } from './instances-support';

let world: InstancesWorld;
let production: FakePlatform;
let productionId: string;
let router: Router;
let folder: string;
const dialogs = { nextOpenPath: null as string | null, nextSavePath: null as string | null };

beforeEach(async () => {
  world = await startInstancesWorld('imports-router', 'Acme staging');
  production = await startFakePlatform();
  productionId = (
    await world.services.tenants.add({
      name: 'Acme production',
      environment: 'custom',
      customUrl: production.baseUrl,
      orgSecret: 'org-secret-fake',
      userSecret: 'user-secret-fake',
    })
  ).id;
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-imports-'));
  router = createAppRouter(world.services, {
    clipboard: { writeText: () => {} },
    dialogs: {
      chooseSavePath: async () => dialogs.nextSavePath,
      chooseOpenPath: async () => dialogs.nextOpenPath,
    },
    log: silentLogger,
  });
});

afterEach(async () => {
  await world.close();
  await production.close();
  await rm(folder, { recursive: true, force: true });
});

/** The secrets an instance holds, but the fake's grant code ("seeded"), which every name contains too. */
const secretsOf = (instance: FakeInstance) =>
  secretValuesOf(instance).filter((secret) => secret !== 'seeded');

/** Seeds staging with instances whose every secret field holds a distinct value. */
function seedStaging(n: number): FakeInstance[] {
  return world.platform.seedInstances(n, { tags: ['handover'] }).map((instance, index) => {
    Object.assign(instance.configuration, {
      'event.notification.enabled': 'true',
      'event.notification.callback.url': 'https://hooks.acme.example/zoho',
      'event.notification.signature.key': `signature-key-${index}`,
      'custom.setting': `keep-${index}`,
    });
    return instance;
  });
}

async function plan(input: unknown): Promise<ImportPlanView> {
  const result = await router.invoke('imports.plan', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportPlanView;
}

async function exportFile(includeSecrets: boolean): Promise<string> {
  dialogs.nextSavePath = path.join(folder, `staging-${includeSecrets}.json`);
  const result = await router.invoke('instances.export', {
    ids: 'all',
    includeSecrets,
    tenantId: world.tenantId,
  });
  expect(result.ok).toBe(true);
  return dialogs.nextSavePath;
}

describe('imports.plan', () => {
  it('plans an export (even one with secrets) without a secret reaching the renderer', async () => {
    const seeded = seedStaging(3);
    dialogs.nextOpenPath = await exportFile(true);
    const view = await plan({ targetTenantId: productionId, source: { from: 'file' } });

    expect(view.sourceTenant).toBe('Acme staging');
    expect(view.targetTenantName).toBe('Acme production');
    expect(view.items.map((item) => [item.targetName, item.action])).toEqual(
      seeded.map((instance) => [instance.name, 'create']),
    );
    const [first] = view.items;
    expect(first?.events).toMatchObject({
      'event.notification.enabled': 'true',
      'event.notification.callback.url': 'https://hooks.acme.example/zoho',
    });
    expect(first?.configuration['custom.setting']).toBe('keep-0');
    expect(first?.tags).toEqual(['handover']);
    expect(first?.notCarried).toEqual(
      expect.arrayContaining([
        { key: 'oauth.api.key', reason: 'oauth-client' },
        { key: 'oauth.base.url', reason: 'data-center' },
        { key: 'event.notification.signature.key', reason: 'secret' },
      ]),
    );
    const text = JSON.stringify(view);
    for (const secret of seeded.flatMap(secretsOf)) expect(text).not.toContain(secret);
  });

  it('copies from another tenant directly, the source read as an export in its activity log', async () => {
    const [one, , three] = seedStaging(3);
    const view = await plan({
      targetTenantId: productionId,
      source: { from: 'tenant', tenantId: world.tenantId, ids: [three!.id, one!.id] },
    });
    expect(view.items.map((item) => item.sourceId)).toEqual([three!.id, one!.id]);
    const log = await world.services.activity.list({ tenantId: world.tenantId });
    expect(JSON.stringify(log)).toContain('copy to Acme production');
  });

  it('skips what exists on the target and offers a free name for a name another element holds', async () => {
    const [kept, clashing] = seedStaging(2);
    const already = production.seedInstances(1)[0]!;
    already.name = kept!.name;
    const other = production.seedInstances(1, { element: 'hubspotcrm' })[0]!;
    other.name = clashing!.name;

    const view = await plan({
      targetTenantId: productionId,
      source: { from: 'tenant', tenantId: world.tenantId, ids: [kept!.id, clashing!.id] },
    });
    const [same, taken] = view.items;
    expect(same?.action).toBe('skip');
    expect(same?.freeName).toBeUndefined();
    expect(same?.skipReason).toContain('already exists on the target');
    expect(taken).toMatchObject({ action: 'skip', freeName: `${clashing!.name} (2)` });
    expect(taken?.skipReason).toContain('is taken on the target by a hubspotcrm instance');

    const again = await router.invoke('imports.replan', {
      planId: view.planId,
      renames: { [clashing!.id]: taken!.freeName },
    });
    expect(again.ok && (again.value as ImportPlanView).items[1]).toMatchObject({
      action: 'create',
      targetName: `${clashing!.name} (2)`,
    });
  });

  it('says plainly when the dialog is cancelled, the file is no export, or the target is the source', async () => {
    dialogs.nextOpenPath = null;
    const cancelled = await router.invoke('imports.plan', {
      targetTenantId: productionId,
      source: { from: 'file' },
    });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });

    dialogs.nextOpenPath = path.join(folder, 'notes.json');
    await writeFile(dialogs.nextOpenPath, '{"hello": "world"}');
    const wrong = await router.invoke('imports.plan', {
      targetTenantId: productionId,
      source: { from: 'file' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!wrong.ok && wrong.error.message).toContain(
      'is not an "element-authenticator/instances@1" document',
    );

    const [one] = seedStaging(1);
    const same = await router.invoke('imports.plan', {
      targetTenantId: world.tenantId,
      source: { from: 'tenant', tenantId: world.tenantId, ids: [one!.id] },
    });
    expect(!same.ok && same.error.message).toBe(
      'The instances are already on Acme staging: choose another tenant to copy them to.',
    );
  });
});

describe('queue.get / queue.save', () => {
  it('keeps the queue across a restart, and forgets the items of a removed tenant', async () => {
    const [one] = seedStaging(1);
    const view = await plan({
      targetTenantId: productionId,
      source: { from: 'tenant', tenantId: world.tenantId, ids: [one!.id] },
    });
    const items: QueueItem[] = [
      {
        kind: 'reauth',
        tenantId: world.tenantId,
        tenantName: 'Acme staging',
        instanceId: one!.id,
        name: one!.name,
        elementKey: 'zohocrmv2',
        status: 'done',
      },
      {
        kind: 'import',
        tenantId: productionId,
        tenantName: 'Acme production',
        item: view.items[0]!,
        oauthAppId: null,
        sourceTenant: 'Acme staging',
        status: 'left',
      },
    ];
    expect(await router.invoke('queue.save', { items, current: 1 })).toEqual({ ok: true, value: null });

    const restarted = createAppRouter(
      appServices(world.dataDir, world.secretStore, { now: () => world.now }),
      {
        clipboard: { writeText: () => {} },
        dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
        log: silentLogger,
      },
    );
    expect(await restarted.invoke('queue.get', undefined)).toEqual({
      ok: true,
      value: { items, current: 1 },
    });
    const onDisk = await readFile(path.join(world.dataDir, QUEUE_FILE), 'utf8');
    for (const secret of secretsOf(one!)) expect(onDisk).not.toContain(secret);

    await world.services.tenants.remove({ id: world.tenantId });
    expect(await restarted.invoke('queue.get', undefined)).toEqual({
      ok: true,
      value: { items: [items[1]], current: 0 },
    });
  });

  it('refuses a queue larger than its limit, keeping the one saved before', async () => {
    const file = new SignInQueueFile({
      dataDir: world.dataDir,
      tenantIds: async () => [world.tenantId],
      log: silentLogger,
      maxChars: 2_000,
    });
    const item = (name: string): QueueItem => ({
      kind: 'reauth',
      tenantId: world.tenantId,
      tenantName: 'Acme staging',
      instanceId: 7,
      name,
      elementKey: 'zohocrmv2',
      status: 'left',
    });
    await file.write({ items: [item('Acme CRM')], current: null });
    const kept = await readFile(path.join(world.dataDir, QUEUE_FILE), 'utf8');
    await expect(file.write({ items: [item('x'.repeat(5_000))], current: null })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        /^The sign-in queue is too large to keep \(over 2 KB\), so it was not saved/,
      ),
    });
    expect(await readFile(path.join(world.dataDir, QUEUE_FILE), 'utf8')).toBe(kept);
    expect(await file.read()).toEqual({ items: [item('Acme CRM')], current: null });
  });
});
