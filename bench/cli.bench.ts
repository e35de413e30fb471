// The CLI side by side with honest baselines, fresh processes each round: P3 authenticate (loopback
// door, consent automated) vs a plain script doing the same calls, P5 export of 10,000 and 100,000
// instances (wall time, peak memory), P6 `tenant list --json` cold vs `node -e 0`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '../test/fakes/platform-server';
import { freePort } from '../test/support/free-port';
import { alternate, median, ms, printTable, ratio, report } from './support/rounds';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin/element-auth.js');
const PEAK_RSS = join(ROOT, 'bench/support/peak-rss.mjs');
const PLAIN = join(ROOT, 'bench/support/plain-authenticate.mjs');
const PLAIN_READ = join(ROOT, 'bench/support/plain-read.mjs');
const SECRETS = { org: 'bench-org-secret-0123456789', user: 'bench-user-secret-0123456789' };
const CLIENT = { key: 'bench-client-id', secret: 'bench-client-secret-0123' };

let platform: FakePlatform;
let home: string;
const service = `element-auth-bench-${randomBytes(4).toString('hex')}`;

interface Finished {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  peakKiB?: number;
}

/** Runs a fresh `node …` process; `onStderr` may act on what it prints (e.g. follow a consent URL). */
function run(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (text: string) => void,
): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ELEMENT_AUTH_HOME: home, ELEMENT_AUTH_KEYCHAIN_SERVICE: service, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let peak = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
    onStderr?.(stderr);
  });
  (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (chunk: Buffer) => (peak += chunk));
  return new Promise((done) =>
    child.on('close', (code) =>
      done({
        ms: performance.now() - started,
        code,
        stdout,
        stderr,
        ...(peak ? { peakKiB: Number(peak) } : {}),
      }),
    ),
  );
}

const must = (finished: Finished, what: string): Finished => {
  if (finished.code !== 0) throw new Error(`${what} exited ${finished.code}: ${finished.stderr}`);
  return finished;
};

/** Follows the vendor URL once a process printed it, as the browser would; the redirect hits its loopback door. */
function consentOnce(): (text: string) => void {
  let followed = false;
  return (text) => {
    const url = /^(http:\/\/127\.0\.0\.1:\d+\/fake-vendor\/oauth2\/auth\?\S+)$/m.exec(text)?.[1];
    if (!url || followed) return;
    followed = true;
    void fetch(url, { redirect: 'manual' }).then((answer) => fetch(answer.headers.get('location') ?? ''));
  };
}

beforeAll(async () => {
  platform = await startFakePlatform({ orgSecret: SECRETS.org, userSecret: SECRETS.user });
  home = await mkdtemp(join(tmpdir(), 'element-auth-bench-'));
  must(
    await run([CLI, 'tenant', 'add', 'Bench', '--env', platform.baseUrl], {
      ELEMENT_AUTH_ORG_SECRET: SECRETS.org,
      ELEMENT_AUTH_USER_SECRET: SECRETS.user,
    }),
    'tenant add',
  );
});

afterAll(async () => {
  await platform?.close();
  await rm(home, { recursive: true, force: true });
  printTable('cli');
});

describe('CLI', { timeout: 600_000 }, () => {
  it('P6 tenant list --json, cold, vs node -e 0', async () => {
    const pairing = await alternate(
      {
        label: 'element-auth tenant list --json',
        run: async () => must(await run([CLI, 'tenant', 'list', '--json']), 'tenant list').ms,
      },
      { label: 'node -e 0', run: async () => (await run(['-e', '0'])).ms },
    );
    const figure = median(pairing.ratios);
    report({
      id: 'P6',
      measure: `tenant list --json vs node -e 0 (${ms(median(pairing.a))} vs ${ms(median(pairing.b))})`,
      figure: ratio(figure),
      goal: '≤ 1.50×',
      met: figure <= 1.5,
    });
  });

  it('P3 authenticate (loopback, consent automated) vs a plain script', async () => {
    const authenticate = async () => {
      const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
      const args = [
        CLI,
        'authenticate',
        '--element',
        'zohocrmv2',
        '--name',
        `bench-${randomBytes(3).toString('hex')}`,
      ];
      const finished = await run(
        [...args, '--api-key', CLIENT.key, '--callback-url', callbackUrl, '--no-browser', '--json'],
        { ELEMENT_AUTH_API_SECRET: CLIENT.secret },
        consentOnce(),
      );
      return must(finished, 'authenticate').ms;
    };
    const plain = async () => {
      const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
      const env = {
        ORG: SECRETS.org,
        USER: SECRETS.user,
        API_KEY: CLIENT.key,
        API_SECRET: CLIENT.secret,
        SERVICE: service,
      };
      return must(await run([PLAIN, platform.baseUrl, callbackUrl], env, consentOnce()), 'plain script').ms;
    };
    const pairing = await alternate(
      { label: 'element-auth authenticate', run: authenticate },
      { label: 'plain', run: plain },
    );
    const figure = median(pairing.ratios);
    report({
      id: 'P3',
      measure: `authenticate vs plain script (${ms(median(pairing.a))} vs ${ms(median(pairing.b))})`,
      figure: ratio(figure),
      goal: '≤ 1.20×',
      met: figure <= 1.2,
    });
  });

  it('P5 instances export --all --out F: 10,000 and 100,000 instances', async () => {
    const exportAll = async () => {
      const out = join(home, '..', `bench-export-${randomBytes(4).toString('hex')}.json`);
      const finished = must(
        await run([PEAK_RSS, CLI, 'instances', 'export', '--all', '--out', out]),
        'export',
      );
      await rm(out, { force: true });
      return finished;
    };
    const plainRead = async () =>
      must(await run([PLAIN_READ, platform.baseUrl], { ORG: SECRETS.org, USER: SECRETS.user }), 'plain read')
        .ms;
    const measure = async () => {
      await exportAll();
      const runs = [];
      const reads = [];
      for (let round = 0; round < 5; round += 1) {
        runs.push(await exportAll());
        reads.push(await plainRead());
      }
      return {
        ms: median(runs.map((r) => r.ms)),
        mb: median(runs.map((r) => (r.peakKiB ?? 0) / 1024)),
        readMs: median(reads),
      };
    };
    platform.seedInstances(10_000);
    const ten = await measure();
    report({
      id: 'P5',
      measure: `export 10,000 instances: wall / peak RSS (the answer alone, read by a plain script: ${(ten.readMs / 1000).toFixed(2)} s)`,
      figure: `${(ten.ms / 1000).toFixed(2)} s / ${ten.mb.toFixed(0)} MB`,
      goal: '≤ 0.50 s / ≤ 100 MB',
      met: ten.ms <= 500 && ten.mb <= 100,
    });
    platform.seedInstances(90_000);
    const hundred = await measure().catch((error: Error) => error);
    if (hundred instanceof Error) {
      report({
        id: 'P5',
        measure: 'export 100,000 instances',
        figure: `fails: ${hundred.message}`,
        goal: 'works',
        met: false,
      });
      return;
    }
    const growth = hundred.mb / ten.mb;
    report({
      id: 'P5',
      measure: `export 100,000 instances: peak RSS vs 10,000 (${hundred.mb.toFixed(0)} MB)`,
      figure: ratio(growth),
      goal: '≤ 1.50×',
      met: growth <= 1.5,
    });
  });
});
