// The chain check names the place a log was tampered with: an edited line, a removed line, a removed
// or edited last line (the head vouches for it), and the same across rotated files.
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readActivity } from '../../../../../main/services/activity/activity-chain';
import { FileActivityLog } from '../../../../../main/services/activity/file-activity-log';
import { RecordingEvents } from '../../../../fakes/memory-secret-store';

const dirs: string[] = [];
const tenant = { tenantId: 't1', tenantName: 'Acme Corp' };

/** A log of `count` entries (instance ids 1…count); `rotateBytes` splits it over files. */
async function logOf(count: number, rotateBytes?: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-chain-'));
  dirs.push(dataDir);
  const log = new FileActivityLog({
    dataDir,
    clock: { now: () => Date.UTC(2024, 0, 1) },
    source: 'app',
    events: new RecordingEvents(),
    rotateBytes,
  });
  for (let id = 1; id <= count; id += 1)
    await log.record({ action: 'instance.tested', tenant, instanceId: id });
  const dir = path.join(dataDir, 'activity');
  const file = (name = 't1.jsonl') => path.join(dir, name);
  const edit = async (change: (lines: string[]) => string[], name?: string) => {
    const lines = (await fs.readFile(file(name), 'utf8')).split('\n').filter(Boolean);
    await fs.writeFile(file(name), `${change(lines).join('\n')}\n`);
  };
  return { dir, edit, check: async () => (await readActivity(dir, 't1')).chain };
}

const retouch = (line: string) => line.replace('"instance.tested"', '"instance.deleted"');

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the activity chain', () => {
  it('is intact as written', async () => {
    expect(await (await logOf(5)).check()).toEqual({ ok: true });
  });

  it('names an edited line', async () => {
    const log = await logOf(5);
    await log.edit((lines) => lines.map((line, index) => (index === 2 ? retouch(line) : line)));
    expect(await log.check()).toEqual({
      ok: false,
      brokenAt: { file: 't1.jsonl', line: 3 },
      message: expect.stringMatching(/^t1\.jsonl line 3: this entry was changed after it was written/),
    });
  });

  it('names the place of a removed line', async () => {
    const log = await logOf(5);
    await log.edit((lines) => lines.filter((_line, index) => index !== 1));
    expect(await log.check()).toEqual({
      ok: false,
      brokenAt: { file: 't1.jsonl', line: 2 },
      message: 't1.jsonl line 2: an entry is missing just before it.',
    });
  });

  it('notices a removed last line and an edited last line', async () => {
    const removed = await logOf(4);
    await removed.edit((lines) => lines.slice(0, -1));
    expect(await removed.check()).toEqual({
      ok: false,
      brokenAt: { file: 't1.jsonl', line: 4 },
      message: 't1.jsonl line 4: the last entry is missing (entry 4 was written).',
    });
    const edited = await logOf(4);
    await edited.edit((lines) => lines.map((line, index) => (index === 3 ? retouch(line) : line)));
    expect(await edited.check()).toMatchObject({ ok: false, brokenAt: { file: 't1.jsonl', line: 4 } });
  });

  it('names a line that is not an entry', async () => {
    const log = await logOf(3);
    await log.edit((lines) => [lines[0] as string, 'not json', ...lines.slice(1)]);
    expect(await log.check()).toMatchObject({ ok: false, brokenAt: { file: 't1.jsonl', line: 2 } });
  });

  it('names the rotated file an edit or a removed file is in', async () => {
    const edited = await logOf(12, 600);
    await edited.edit(
      (lines) => lines.map((line, index) => (index === 1 ? retouch(line) : line)),
      't1.1.jsonl',
    );
    expect(await edited.check()).toMatchObject({ ok: false, brokenAt: { file: 't1.1.jsonl', line: 2 } });
    const gone = await logOf(12, 600);
    await fs.rm(path.join(gone.dir, 't1.1.jsonl'));
    expect(await gone.check()).toMatchObject({
      ok: false,
      brokenAt: { file: 't1.2.jsonl', line: 1 },
      message: expect.stringMatching(/entries are missing just before it/),
    });
  });
});
