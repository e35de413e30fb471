// Test support for the CLI tests: builds the CLI once (locked against parallel files), runs it as a
// child, and gives each test file a world: fake platform, temp data folder, unique keychain service.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, systemClock } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { IndexedSecretStore } from '../../main/services/tenants/secret-index';
import { TenantRegistry } from '../../main/services/tenants/tenant-registry';
import { startFakePlatform, type FakePlatform, type FakePlatformOptions } from '../fakes/platform-server';
import { freePort } from '../support/free-port';
import { readTree } from '../support/read-tree';
import { clearKeychain } from '../support/keychain-items';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'bin/element-auth.js');
const BUILT = path.join(ROOT, 'out/main/cli.js');
const LOCK = path.join(ROOT, 'out/.cli-test-build.lock');

export const ORG_SECRET = 'ORG-secret-0123456789-abcdefAB';
export const USER_SECRET = 'USR-secret-9876543210-zyxwvuZY';
export const API_SECRET = 'API-secret-5555-qqqq-rrrr-ssss';
export const API_KEY = 'client-id-cli-tests';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    const built = statSync(BUILT).mtimeMs;
    return ['main', 'preload'].every((dir) => newestSource(path.join(ROOT, dir)) < built);
  } catch {
    return false;
  }
}

/** `npx electron-vite build` unless out/main/cli.js is newer than every main/ and preload/ source. */
export async function buildCliOnce(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (isFresh()) return;
    const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of pattern in stderr. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  done: Promise<CliResult>;
}

export interface CliWorld {
  platform: FakePlatform;
  home: string;
  service: string;
  store: KeytarSecretStore;
  /** Everything any CLI run printed on stdout, for the "no secret on stdout" checks. */
  stdoutLog: string[];
  /** Every argv the tests passed, for the "no secret in argv" check. */
  argvLog: string[][];
  env(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
  start(args: string[], extra?: Record<string, string | undefined>): RunningCli;
  run(
    args: string[],
    options?: { env?: Record<string, string | undefined>; input?: string },
  ): Promise<CliResult>;
  close(): Promise<void>;
}

export async function createWorld(
  purpose: string,
  now?: () => number,
  platformOptions: FakePlatformOptions = {},
): Promise<CliWorld> {
  const platform = await startFakePlatform({
    orgSecret: ORG_SECRET,
    userSecret: USER_SECRET,
    ...(now ? { now } : {}),
    ...platformOptions,
  });
  const home = await mkdtemp(path.join(tmpdir(), `element-auth-cli-${purpose}-`));
  const service = `element-auth-test-cli-${purpose}-${randomBytes(4).toString('hex')}`;
  const store = new KeytarSecretStore(service);
  const stdoutLog: string[] = [];
  const argvLog: string[][] = [];
  const env = (extra: Record<string, string | undefined> = {}) => {
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('ELEMENT_AUTH_')),
    );
    return { ...base, ELEMENT_AUTH_HOME: home, ELEMENT_AUTH_KEYCHAIN_SERVICE: service, ...extra };
  };
  const start = (args: string[], extra?: Record<string, string | undefined>): RunningCli => {
    argvLog.push(args);
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: env(extra) });
    let stdout = '';
    let stderr = '';
    const listeners = new Set<() => void>();
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const listener of listeners) listener();
    });
    const done = new Promise<CliResult>((resolve) => {
      child.on('close', (code) => {
        stdoutLog.push(stdout);
        resolve({ code, stdout, stderr });
      });
    });
    const waitForStderr = (pattern: RegExp, timeoutMs = 15_000) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No ${pattern} on stderr; got:\n${stderr}`)),
          timeoutMs,
        );
        const check = () => {
          const match = stderr.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(match);
        };
        listeners.add(check);
        check();
      });
    return { child, stdout: () => stdout, stderr: () => stderr, waitForStderr, done };
  };
  return {
    platform,
    home,
    service,
    store,
    stdoutLog,
    argvLog,
    env,
    start,
    async run(args, options = {}) {
      const running = start(args, options.env);
      running.child.stdin.end(options.input ?? '');
      return running.done;
    },
    async close() {
      if (store) clearKeychain(store.service);
      await platform.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** The world's keychain as the services see it: accounts indexed in the world's tenants file. */
export function indexedStore(world: CliWorld): IndexedSecretStore {
  const registry = new TenantRegistry({
    dataDir: world.home,
    clock: systemClock,
    log: silentLogger,
    onRecovered: () => undefined,
  });
  return new IndexedSecretStore(world.store, registry);
}

/** Adds a tenant on the fake platform through the CLI, secrets in the environment. */
export async function addTenant(
  world: CliWorld,
  name: string,
  secrets = { org: ORG_SECRET, user: USER_SECRET },
) {
  const result = await world.run(['tenant', 'add', name, '--env', world.platform.baseUrl, '--json'], {
    env: { ELEMENT_AUTH_ORG_SECRET: secrets.org, ELEMENT_AUTH_USER_SECRET: secrets.user },
  });
  if (result.code !== 0) throw new Error(`tenant add failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { id: string; name: string; active: boolean };
}

/** Step 2 as the browser does it: asks the vendor and returns where it redirects to. */
export async function consent(authUrl: string, extra = ''): Promise<string> {
  const response = await fetch(`${authUrl}${extra}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`The vendor answered ${response.status}, no redirect`);
  return location;
}

export { freePort, readTree };

/** The authorization URL the CLI printed on stderr (a line of its own). */
export const AUTH_URL_LINE = /^(http:\/\/127\.0\.0\.1:\d+\/fake-vendor\/oauth2\/auth\?\S+)$/m;

/** Creates an instance through `element-auth authenticate` and the loopback door; returns its id. */
export async function authenticateViaLoopback(world: CliWorld, name: string): Promise<number> {
  const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
  const args = ['authenticate', '--element', 'zohocrmv2', '--name', name, '--api-key', API_KEY];
  const running = world.start([...args, '--callback-url', callbackUrl, '--no-browser', '--json'], {
    ELEMENT_AUTH_API_SECRET: API_SECRET,
  });
  const [, authUrl] = await running.waitForStderr(AUTH_URL_LINE);
  await fetch(await consent(authUrl ?? ''));
  const result = await running.done;
  if (result.code !== 0) throw new Error(`authenticate failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { id: number }).id;
}

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), so stdin is a TTY: each answer is typed
 * once its prompt shows. Returns the exit code and everything the terminal showed.
 */
export async function runOnTerminal(
  world: CliWorld,
  args: string[],
  answers: [prompt: RegExp, typed: string][],
): Promise<{ code: number | null; transcript: string }> {
  world.argvLog.push(args);
  const command = [process.execPath, CLI, ...args]
    .map((part) => `'${part.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: world.env() });
  let transcript = '';
  let next = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    transcript += chunk.toString();
    const answer = answers[next];
    if (answer && answer[0].test(transcript)) {
      next += 1;
      child.stdin.write(`${answer[1]}\r`);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, transcript };
}
