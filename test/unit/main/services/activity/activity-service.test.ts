// Reading the activity through the service: filters and newest first, a removed tenant's kept log
// found by its last name, the active tenant by default, and the CSV (quoted, formulas kept as text).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TenantList } from '../../../../../common/contract';
import { activityCsv } from '../../../../../main/services/activity/activity-csv';
import { ActivityService } from '../../../../../main/services/activity/activity-service';
import { FileActivityLog } from '../../../../../main/services/activity/file-activity-log';
import { RecordingEvents } from '../../../../fakes/memory-secret-store';

const dirs: string[] = [];
const T0 = Date.UTC(2024, 4, 17, 9, 0);

async function world(list: Pick<TenantList, 'tenants' | 'activeTenantId'>) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-activity-service-'));
  dirs.push(dataDir);
  let now = T0;
  const clock = { now: () => now };
  const log = new FileActivityLog({ dataDir, clock, source: 'app', events: new RecordingEvents() });
  const service = new ActivityService({
    dataDir,
    clock,
    tenants: { list: async () => ({ ...list, oauthApps: [], notice: null }) },
  });
  return { dataDir, log, service, tick: () => (now += 60_000) };
}

const view = (id: string, name: string) => ({
  id,
  name,
  environment: 'us' as const,
  baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
  color: null,
  orgSecretHint: '••••AAAA',
  userSecretHint: '••••BBBB',
  check: { state: 'not-checked' as const, checkedAt: null, message: null },
});

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('ActivityService', () => {
  it('filters by action, instance and time, newest first, the active tenant by default', async () => {
    const { log, service, tick } = await world({ tenants: [view('acme', 'Acme')], activeTenantId: 'acme' });
    const tenant = { tenantId: 'acme', tenantName: 'Acme' };
    await log.record({ action: 'instance.created', tenant, instanceId: 1 });
    tick();
    await log.record({ action: 'instance.tested', tenant, instanceId: 1 });
    tick();
    await log.record({ action: 'instance.tested', tenant, instanceId: 2 });

    const all = await service.list({});
    expect(all).toMatchObject({ tenantId: 'acme', tenantName: 'Acme', chain: { ok: true } });
    expect(all.entries.map((entry) => entry.seq)).toEqual([3, 2, 1]);
    expect(all.entries[0]).not.toHaveProperty('prev');
    const tested = await service.list({ tenantId: 'ACME', action: 'instance.tested' });
    expect(tested.entries.map((entry) => entry.seq)).toEqual([3, 2]);
    expect((await service.list({ tenantId: 'acme', instanceId: 1 })).entries.map((e) => e.seq)).toEqual([
      2, 1,
    ]);
    expect((await service.list({ tenantId: 'acme', since: T0 + 60_000 })).entries.map((e) => e.seq)).toEqual([
      3, 2,
    ]);
  });

  it('finds the kept log of a removed tenant by its last name, and says when there is none', async () => {
    const { log, service } = await world({ tenants: [], activeTenantId: null });
    await log.record({ action: 'tenant.added', tenant: { tenantId: 'old1', tenantName: 'Initech' } });
    await log.record({ action: 'tenant.removed', tenant: { tenantId: 'old1', tenantName: 'Initech' } });
    expect(await service.tenantOf('initech')).toEqual({ tenantId: 'old1', tenantName: 'Initech' });
    await expect(service.tenantOf('Globex')).rejects.toMatchObject({
      code: 'tenant_not_found',
      message: 'There is no tenant “Globex” and no activity log kept for one.',
    });
    await expect(service.list({})).rejects.toMatchObject({ code: 'no_active_tenant' });
  });

  it('writes the CSV owner-only, quoted, with formula-looking cells kept as text', async () => {
    const { log, service, dataDir } = await world({
      tenants: [view('acme', '=HYPERLINK("x")')],
      activeTenantId: 'acme',
    });
    await log.record({
      action: 'instances.exported',
      tenant: { tenantId: 'acme', tenantName: '=HYPERLINK("x")' },
      details: { instanceIds: [4, 5], to: '/tmp/a, b.json' },
    });
    const file = path.join(dataDir, 'out.csv');
    expect(await service.exportCsv({ tenantId: 'acme' }, file)).toBe(1);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const [header, row] = (await readFile(file, 'utf8')).split('\r\n');
    expect(header).toBe('time,action,outcome,source,tenant,instance id,instance name,request id,details');
    expect(row).toBe(
      `2024-05-17T09:00:00.000Z,instances.exported,ok,app,"'=HYPERLINK(""x"")",,,,"{""instanceIds"":[4,5],""to"":""/tmp/a, b.json""}"`,
    );
    expect(activityCsv([])).toBe(`${header}\r\n`);
  });
});
