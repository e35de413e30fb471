// Many processes append to one tenant's activity log at once (the app and CLI runs): no line is
// lost, torn or interleaved, numbers run 1…n without a gap, and the chain verifies, across rotation too.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readActivity } from '../../main/services/activity/activity-chain';

const WRITERS = 12;
const EACH = 15;
const dirs: string[] = [];

function runWriter(
  dataDir: string,
  writer: number,
  rotateBytes?: number,
): Promise<{ code: number; stderr: string }> {
  const args = [
    path.resolve('node_modules/jiti/lib/jiti-cli.mjs'),
    path.resolve('test/integration/activity-writer-child.ts'),
    dataDir,
    String(writer),
    String(EACH),
    ...(rotateBytes ? [String(rotateBytes)] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['one file', undefined],
  ['rotating every few kilobytes', 4096],
])(`%s, ${WRITERS} writers at once`, (_label, rotateBytes) => {
  it(`keeps all ${WRITERS * EACH} entries, whole and chained`, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-writers-'));
    dirs.push(dataDir);
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_unused, writer) => runWriter(dataDir, writer, rotateBytes)),
    );
    expect(results).toEqual(Array.from({ length: WRITERS }, () => ({ code: 0, stderr: '' })));
    const dir = path.join(dataDir, 'activity');
    const read = await readActivity(dir, 'shared');
    expect(read.chain).toEqual({ ok: true });
    expect(read.lines.map((line) => line.seq)).toEqual(
      Array.from({ length: WRITERS * EACH }, (_unused, index) => index + 1),
    );
    const seen = new Set(
      read.lines.map((line) => `${String(line.details.writer)}/${String(line.details.index)}`),
    );
    expect(seen.size).toBe(WRITERS * EACH);
    for (const name of await fs.readdir(dir)) {
      if (!name.endsWith('.jsonl')) continue;
      const text = await fs.readFile(path.join(dir, name), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      for (const line of text.split('\n').filter(Boolean))
        expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    if (rotateBytes)
      expect(
        (await fs.readdir(dir)).filter((name) => /^shared\.\d+\.jsonl$/.test(name)).length,
      ).toBeGreaterThan(1);
  }, 120_000);
});
