// The built element-auth CLI, activity: what the CLI did (source "cli"), newest first, as a table or
// JSON, --since, a broken chain as a warning with its place (exit 0), and tenant remove keeping or
// deleting the log.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '../../common/contract';
import { addTenant, buildCliOnce, createWorld, type CliWorld } from './cli-helpers';

let world: CliWorld;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('activity');
}, 180_000);

afterAll(async () => {
  await world.close();
});

const listed = async (args: string[]) => {
  const result = await world.run(['activity', ...args, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ActivityList;
};

describe('element-auth activity', () => {
  it('shows what the CLI did, newest first, as JSON and as a table', async () => {
    const acme = await addTenant(world, 'Acme');
    const answered = await world.run(['instances', 'export', '--all', '--tenant', 'Acme']);
    expect(answered.code).toBe(0);

    const json = await listed([]);
    expect(json).toMatchObject({ tenantId: acme.id, tenantName: 'Acme', chain: { ok: true } });
    expect(json.entries.map((entry) => [entry.action, entry.source])).toEqual([
      ['instances.exported', 'cli'],
      ['tenant.added', 'cli'],
    ]);
    expect(json.entries[0]?.details).toEqual({ instanceIds: [], secretsIncluded: false, to: 'stdout' });

    const table = await world.run(['activity', '--tenant', 'acme']);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('Acme: 2 entries\n');
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+ACTION\s+OUTCOME\s+SOURCE\s+INSTANCE\s+DETAILS$/);
    expect(lines[1]).toMatch(/^\S+Z\s+instances\.exported\s+ok\s+cli\s+.*secretsIncluded=false to=stdout$/);
    expect(lines[2]).toMatch(/tenant\.added\s+ok\s+cli\s+.*environment=custom/);
  });

  it('filters with --since and refuses a date it cannot read (exit 2)', async () => {
    expect((await listed(['--since', '2999-01-01'])).entries).toEqual([]);
    expect((await listed(['--since', '1d'])).entries).toHaveLength(2);
    const refused = await world.run(['activity', '--since', 'yesterday-ish']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--since takes a date (2024-05-17)');
  });

  it('warns where the chain breaks when a line was edited, and still lists (exit 0)', async () => {
    const { tenantId } = await listed([]);
    const file = path.join(world.home, 'activity', `${tenantId}.jsonl`);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('"environment":"custom"', '"environment":"us"'));
    const result = await world.run(['activity', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: the activity log of Acme is broken at ${tenantId}.jsonl line 1: this entry was changed after it was written (the next line no longer matches it).\n`,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      chain: { ok: false, brokenAt: { file: `${tenantId}.jsonl`, line: 1 } },
    });
    await fs.writeFile(file, text);
  });

  it('keeps the log of a removed tenant unless --delete-activity', async () => {
    const kept = await addTenant(world, 'Kept');
    const gone = await addTenant(world, 'Gone');
    expect(await world.run(['tenant', 'remove', 'Kept', '--yes'])).toMatchObject({
      code: 0,
      stdout: 'Removed tenant Kept and its keychain items; its activity log is kept.\n',
    });
    const removed = await world.run(['tenant', 'remove', 'Gone', '--yes', '--delete-activity', '--json']);
    expect(JSON.parse(removed.stdout)).toEqual({
      removed: { id: gone.id, name: 'Gone' },
      activityKept: false,
    });

    const keptLog = await listed(['--tenant', 'Kept']);
    expect(keptLog).toMatchObject({ tenantId: kept.id, chain: { ok: true } });
    expect(keptLog.entries.map((entry) => entry.action)).toEqual(['tenant.removed', 'tenant.added']);
    const names = await fs.readdir(path.join(world.home, 'activity'));
    expect(names.filter((name) => name.startsWith(gone.id))).toEqual([]);
    const missing = await world.run(['activity', '--tenant', 'Gone']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'element-auth: There is no tenant “Gone” and no activity log kept for one.\n',
    );
  });
});
