// The activity log on disk: one chained line per record, owner-only files, rotation that carries the
// chain into the next file, forgetting a tenant's log, and a failure to write told as a notice.
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS, lineHash } from '../../../../../main/services/activity/activity-files';
import { readActivity } from '../../../../../main/services/activity/activity-chain';
import { FileActivityLog } from '../../../../../main/services/activity/file-activity-log';
import { RecordingEvents } from '../../../../fakes/memory-secret-store';

const dirs: string[] = [];
const tenant = { tenantId: 'ab12cd', tenantName: 'Acme Corp' };
const NOW = Date.UTC(2024, 4, 17, 9, 30);

async function world(rotateBytes?: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-activity-'));
  dirs.push(dataDir);
  const events = new RecordingEvents();
  const log = new FileActivityLog({ dataDir, clock: { now: () => NOW }, source: 'cli', events, rotateBytes });
  const dir = path.join(dataDir, 'activity');
  const lines = async (name = 'ab12cd.jsonl') =>
    (await fs.readFile(path.join(dir, name), 'utf8')).split('\n').filter(Boolean);
  return { dataDir, dir, log, events, lines };
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('FileActivityLog', () => {
  it('appends one line per record with the hash of the line before it', async () => {
    const { log, lines, dir } = await world();
    await log.record({ action: 'tenant.added', tenant, details: { environment: 'eu' } });
    await log.record({
      action: 'instance.created',
      tenant: { ...tenant, credentials: { orgSecret: 'never-in-the-log' } } as typeof tenant,
      instanceId: 42,
      instanceName: 'Zoho EU',
      outcome: 'failed',
      requestId: 'req-1',
      details: { code: 'platform_bad_request' },
    });
    const [first, second] = await lines();
    expect(JSON.parse(first as string)).toEqual({
      seq: 1,
      time: '2024-05-17T09:30:00.000Z',
      action: 'tenant.added',
      tenantId: 'ab12cd',
      tenantName: 'Acme Corp',
      outcome: 'ok',
      source: 'cli',
      details: { environment: 'eu' },
      prev: GENESIS,
    });
    expect(JSON.parse(second as string)).toMatchObject({
      seq: 2,
      instanceId: 42,
      instanceName: 'Zoho EU',
      outcome: 'failed',
      requestId: 'req-1',
      prev: lineHash(first as string),
    });
    expect(second).not.toContain('never-in-the-log');
    expect((await readActivity(dir, 'ab12cd')).chain).toEqual({ ok: true });
  });

  it('keeps the folder 0700 and the files 0600', async () => {
    const { log, dir } = await world();
    await log.record({ action: 'tenant.added', tenant });
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(dir, 'ab12cd.jsonl'))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.join(dir, 'ab12cd.head'))).mode & 0o777).toBe(0o600);
  });

  it('rotates to <tenant>.1.jsonl, .2… and carries the chain into the new file', async () => {
    const { log, dir, lines } = await world(600);
    for (let index = 0; index < 12; index += 1) {
      await log.record({ action: 'instance.tested', tenant, instanceId: index + 1 });
    }
    const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
    expect(names.length).toBeGreaterThan(2);
    expect(names).toContain('ab12cd.1.jsonl');
    for (const name of names) expect((await fs.stat(path.join(dir, name))).size).toBeLessThanOrEqual(600);
    const lastOfFirst = (await lines('ab12cd.1.jsonl')).at(-1) as string;
    const firstOfSecond = JSON.parse((await lines('ab12cd.2.jsonl'))[0] as string) as { prev: string };
    expect(firstOfSecond.prev).toBe(lineHash(lastOfFirst));
    const read = await readActivity(dir, 'ab12cd');
    expect(read.chain).toEqual({ ok: true });
    expect(read.lines.map((line) => line.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('forgets a tenant: every file of its log and its head go, other tenants stay', async () => {
    const { log, dir } = await world(400);
    for (let index = 0; index < 6; index += 1) await log.record({ action: 'tenant.updated', tenant });
    await log.record({ action: 'tenant.added', tenant: { tenantId: 'other', tenantName: 'Other' } });
    await log.forget('ab12cd');
    expect((await fs.readdir(dir)).filter((name) => !name.endsWith('.lock'))).toEqual([
      'other.head',
      'other.jsonl',
    ]);
  });

  it('tells a failure to write or delete as a notice and does not throw: the action already happened', async () => {
    const { log, events, dataDir } = await world();
    await fs.writeFile(path.join(dataDir, 'activity'), 'a file where the folder should be');
    await expect(log.record({ action: 'tenant.added', tenant })).resolves.toBeUndefined();
    await expect(log.forget('ab12cd')).resolves.toBeUndefined();
    expect(events.of('app.notice')).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^The action on Acme Corp went through, but the activity log could not record it/,
        ),
      }),
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^The tenant was removed, but its activity log in .+ could not be deleted/,
        ),
      }),
    ]);
  });

  it('keeps a line torn by a crash on its own line, where the reader reports it', async () => {
    const { log, dir, lines } = await world();
    await log.record({ action: 'tenant.added', tenant });
    await fs.appendFile(path.join(dir, 'ab12cd.jsonl'), '{"seq":2,"time":"20');
    await log.record({ action: 'tenant.updated', tenant });
    expect(await lines()).toHaveLength(3);
    const read = await readActivity(dir, 'ab12cd');
    expect(read.lines).toHaveLength(2);
    expect(read.chain).toMatchObject({ ok: false, brokenAt: { file: 'ab12cd.jsonl', line: 2 } });
  });
});
