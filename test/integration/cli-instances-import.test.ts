// The built element-auth CLI, instances import: an export of fake platform A recreated on fake B with
// consent through the loopback door; the step-3 bodies, collisions, an interrupted import resumed, a rerun.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import {
  API_KEY,
  API_SECRET,
  AUTH_URL_LINE,
  addTenant,
  buildCliOnce,
  consent,
  createWorld,
  freePort,
  ORG_SECRET,
  USER_SECRET,
  type CliWorld,
  type RunningCli,
} from './cli-helpers';

const SOURCE_SIGNATURE = 'SIG-source-secret-0042';
let world: CliWorld;
let target: FakePlatform;
let folder: string;
let exportFile: string;
let sourceNames: string[];

async function platformCall(base: string, method: string, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      authorization: `User ${USER_SECRET}, Organization ${ORG_SECRET}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status}`);
}

/** One more instance on the source, named so, and a fresh export of the source. */
async function addSourceInstance(name: string): Promise<void> {
  const [seeded] = world.platform.seedInstances(1);
  await platformCall(world.platform.baseUrl, 'PATCH', `/instances/${seeded?.id}`, { name });
  await exportStaging();
}

async function exportStaging(): Promise<void> {
  const exported = await world.run([
    'instances',
    'export',
    '--all',
    '--tenant',
    'Staging',
    '--out',
    exportFile,
  ]);
  if (exported.code !== 0) throw new Error(exported.stderr);
}

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('import');
  target = await startFakePlatform({ orgSecret: ORG_SECRET, userSecret: USER_SECRET });
  await addTenant(world, 'Staging');
  const added = await world.run(['tenant', 'add', 'Production', '--env', target.baseUrl], {
    env: { ELEMENT_AUTH_ORG_SECRET: ORG_SECRET, ELEMENT_AUTH_USER_SECRET: USER_SECRET },
  });
  if (added.code !== 0) throw new Error(added.stderr);
  const seeded = world.platform.seedInstances(5, { namePrefix: 'crm', tags: ['acme'] });
  sourceNames = seeded.map((instance) => instance.name);
  await platformCall(world.platform.baseUrl, 'PATCH', `/instances/${seeded[0]?.id}`, {
    configuration: {
      'event.notification.enabled': 'true',
      'event.vendor.type': 'webhook',
      'event.notification.callback.url': 'https://hooks.example.com/acme',
      'event.notification.signature.key': SOURCE_SIGNATURE,
      'oauth.base.url': 'https://accounts.zoho.eu',
      'api.base.url': 'https://www.zohoapis.eu',
      'custom.region.label': 'north',
    },
  });
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-import-'));
  exportFile = path.join(folder, 'staging.json');
  await exportStaging();
}, 120_000);

afterAll(async () => {
  await world.close();
  await target.close();
  await rm(folder, { recursive: true, force: true });
});

async function startImport(extra: string[] = []): Promise<RunningCli> {
  const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
  const args = ['instances', 'import', exportFile, '--tenant', 'Production', '--api-key', API_KEY];
  return world.start([...args, '--callback-url', callbackUrl, '--no-browser', ...extra], {
    ELEMENT_AUTH_API_SECRET: API_SECRET,
  });
}

/** Consents to the n-th authorization URL the run prints (1-based), as the browser would. */
async function consentTo(running: RunningCli, n: number): Promise<void> {
  const pattern = new RegExp(`(?:[\\s\\S]*?${AUTH_URL_LINE.source}){${n}}`, 'm');
  const match = await running.waitForStderr(pattern);
  await fetch(await consent(match[1] ?? ''));
}

const createsOnTarget = () =>
  target.requests.filter((request) => request.method === 'POST' && request.path === '/instances');
const targetNames = () => [...target.instances.values()].map((instance) => instance.name).sort();

interface Report {
  created: { name: string; id: number }[];
  skipped: { name: string; reason: string }[];
  failed: unknown[];
}

describe('element-auth instances import', () => {
  it('--dry-run prints the plan: what carries over, what does not, and creates nothing', async () => {
    const result = await world.run([
      'instances',
      'import',
      exportFile,
      '--tenant',
      'Production',
      '--dry-run',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as {
      tenantName: string;
      items: {
        targetName: string;
        action: string;
        events: object;
        configuration: object;
        notCarried: object[];
      }[];
    };
    expect(plan.tenantName).toBe('Production');
    expect(plan.items.map((item) => [item.targetName, item.action])).toEqual(
      sourceNames.map((name) => [name, 'create']),
    );
    const first = plan.items[0];
    expect(first?.events).toMatchObject({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'webhook',
      'event.notification.callback.url': 'https://hooks.example.com/acme',
    });
    expect(first?.configuration).toMatchObject({ 'custom.region.label': 'north' });
    expect(first?.notCarried).toEqual(
      expect.arrayContaining([
        { key: 'event.notification.signature.key', reason: 'secret' },
        { key: 'oauth.api.secret', reason: 'oauth-client' },
        { key: 'oauth.base.url', reason: 'data-center' },
        { key: 'api.base.url', reason: 'data-center' },
        { key: 'oauth.user.token', reason: 'platform-managed' },
      ]),
    );
    expect(createsOnTarget()).toHaveLength(0);

    const human = await world.run(['instances', 'import', exportFile, '--tenant', 'Production', '--dry-run']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toContain('Plan: 5 instances to create on Production from Staging, 0 skipped.');
    const firstRow = human.stdout.split('\n').find((line) => line.includes(sourceNames[0] ?? '?'));
    expect(firstRow).toMatch(/custom\.region\.label/);
    expect(firstRow).toMatch(/oauth\.base\.url \(data-center\)/);
    expect(firstRow).toMatch(/create$/);
  });

  it('interrupted after 2 of 5 and run again: creates exactly 3 more, with bodies as the plan says', async () => {
    const first = await startImport();
    await consentTo(first, 1);
    await consentTo(first, 2);
    await first.waitForStderr(new RegExp(`(?:[\\s\\S]*?${AUTH_URL_LINE.source}){3}`, 'm'));
    first.child.kill('SIGKILL');
    await first.done;
    expect(createsOnTarget()).toHaveLength(2);

    const again = await startImport(['--json']);
    for (let n = 1; n <= 3; n += 1) await consentTo(again, n);
    const result = await again.done;
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.created.map((entry) => entry.name)).toEqual(sourceNames.slice(2));
    expect(report.skipped.map((entry) => entry.name)).toEqual(sourceNames.slice(0, 2));
    expect(report.skipped[0]?.reason).toMatch(/already exists on the target/);
    expect(createsOnTarget()).toHaveLength(5);
    expect(targetNames()).toEqual([...sourceNames].sort());

    const body = createsOnTarget()[0]?.body as { tags: string[]; configuration: Record<string, string> };
    expect(body.tags).toEqual(['acme', expect.stringMatching(/^element-auth-request:/)]);
    expect(body.configuration).toMatchObject({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'webhook',
      'custom.region.label': 'north',
      'oauth.api.key': API_KEY,
      'oauth.api.secret': API_SECRET,
      'oauth.base.url': 'https://accounts.zoho.com',
      'api.base.url': 'https://www.zohoapis.com',
    });
    const sent = JSON.stringify(createsOnTarget().map((request) => request.body));
    for (const source of [
      SOURCE_SIGNATURE,
      'seeded-client-secret',
      'seeded-client-id',
      'zoho.eu',
      '********',
    ]) {
      expect(sent).not.toContain(source);
    }
  });

  it('running the same import twice creates nothing twice', async () => {
    const result = await (await startImport(['--json'])).done;
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.created).toEqual([]);
    expect(report.skipped).toHaveLength(5);
    expect(createsOnTarget()).toHaveLength(5);
  });

  it('a name taken by another element is skipped, or imported as "name (2)" with --rename-collisions', async () => {
    const [hubspot] = target.seedInstances(1, { element: 'hubspotcrm', namePrefix: 'hub' });
    await platformCall(target.baseUrl, 'PATCH', `/instances/${hubspot?.id}`, { name: 'Shared name' });
    await addSourceInstance('Shared name');

    const skipped = await (await startImport(['--json'])).done;
    const report = JSON.parse(skipped.stdout) as Report;
    expect(report.skipped.find((entry) => entry.name === 'Shared name')?.reason).toMatch(
      /taken on the target by a hubspotcrm instance/,
    );
    expect(createsOnTarget()).toHaveLength(5);

    const renamed = await startImport(['--json', '--rename-collisions']);
    await consentTo(renamed, 1);
    const result = await renamed.done;
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Report).created.map((entry) => entry.name)).toEqual([
      'Shared name (2)',
    ]);
    expect(targetNames()).toContain('Shared name (2)');
  });

  it('a refused creation is reported with the platform reason and request id, and exits 1', async () => {
    await addSourceInstance('Refused one');
    const running = await startImport(['--json']);
    await running.waitForStderr(AUTH_URL_LINE);
    target.behaviour.failNext = { status: 400, message: 'Element zohocrmv2 is disabled for this account' };
    await consentTo(running, 1);
    const result = await running.done;
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report & {
      failed: { name: string; message: string; requestId?: string }[];
    };
    expect(report.created).toEqual([]);
    expect(report.failed).toEqual([
      expect.objectContaining({ name: 'Refused one', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
    ]);
    expect(report.failed[0]?.message).toContain('Element zohocrmv2 is disabled for this account');
    expect(targetNames()).not.toContain('Refused one');
  });

  it('without --api-key (and not a dry run) it is a usage error, exit 2', async () => {
    const result = await world.run(['instances', 'import', exportFile, '--tenant', 'Production']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--api-key is required/);
  });

  it('a file that is not an export fails with one sentence and exit 1', async () => {
    const args = ['instances', 'import', path.join(folder, 'missing.json'), '--tenant', 'Production'];
    const result = await world.run([
      ...args,
      '--api-key',
      API_KEY,
      '--callback-url',
      'http://127.0.0.1:9/cb',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not be read \(ENOENT\)/);
  });
});
