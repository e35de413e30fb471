// The CLI as npm installs it: `npm pack`'s tarball installed globally into a temporary prefix, far
// from any checkout, puts element-auth on the PATH with only the runtime dependencies, and it works.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, createWorld, ORG_SECRET, USER_SECRET, type CliWorld } from './cli-helpers';

const ROOT = path.resolve(__dirname, '../..');
let world: CliWorld;
let scratch: string;
let prefix: string;
let tarball: string;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('package');
  scratch = mkdtempSync(path.join(tmpdir(), 'element-auth-pack-'));
  prefix = path.join(scratch, 'prefix');
  // The build above is what prepack would run; --ignore-scripts keeps it from racing other test files.
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  tarball = path.join(scratch, name ?? '');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
    cwd: scratch,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}, 600_000);

afterAll(async () => {
  await world?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const installed = () => path.join(prefix, 'lib', 'node_modules', 'element-authenticator');

/** Runs element-auth found on the PATH, asynchronously: the fake platform answers from this process. */
function elementAuth(args: string[], extra: Record<string, string> = {}) {
  const child = spawn('element-auth', args, {
    cwd: scratch,
    env: {
      ...world.env(extra),
      PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    },
  });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('npm install -g of the packed CLI', () => {
  it('ships the built CLI and no sources, tests or dev dependencies', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/bin/element-auth.js');
    expect(listing).toContain('package/out/main/cli.js');
    expect(listing.filter((file) => /^package\/(main|common|test|renderer|preload)\//.test(file))).toEqual(
      [],
    );
    const modules = readdirSync(path.join(installed(), 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(['axios', 'keytar', 'zod', 'https-proxy-agent']));
    for (const dev of ['electron', 'vitest', 'react', 'proxy', 'typescript'])
      expect(modules).not.toContain(dev);
    expect(existsSync(path.join(prefix, 'bin', 'element-auth'))).toBe(true);
  });

  it('adds a tenant and lists its instances from the PATH, with no checkout around it', async () => {
    world.platform.seedInstances(2);
    const added = await elementAuth(['tenant', 'add', 'Acme', '--env', world.platform.baseUrl, '--json'], {
      ELEMENT_AUTH_ORG_SECRET: ORG_SECRET,
      ELEMENT_AUTH_USER_SECRET: USER_SECRET,
    });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual(expect.objectContaining({ name: 'Acme' }));
    const listed = await elementAuth(['instances', 'list', '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { instances: unknown[] }).instances).toHaveLength(2);
  });
});
