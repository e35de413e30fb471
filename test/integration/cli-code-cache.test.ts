// The CLI's code cache, with the built CLI as a child process: the first run writes owner-only caches,
// the next runs the same; a planted or corrupt cache is never trusted blindly, a file changed at the
// same length never runs another's cached code, and a folder other users can write to is not used at
// all. A command that only reads loads neither node:crypto nor axios.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheName, codeCacheFolder } from '../../main/cli/code-cache';
import { createWorld, type CliWorld } from './cli-helpers';

let world: CliWorld;
let cacheHome: string;

beforeAll(async () => {
  world = await createWorld('code-cache');
  cacheHome = await mkdtemp(path.join(tmpdir(), 'element-auth-cache-'));
});

afterAll(async () => {
  await world.close();
  await rm(cacheHome, { recursive: true, force: true });
});

const ROOT = path.resolve(__dirname, '../..');
const folderIn = (home: string) => codeCacheFolder({ XDG_CACHE_HOME: home }, 'linux') as string;
const list = (home: string) => world.run(['tenant', 'list', '--json'], { env: { XDG_CACHE_HOME: home } });

describe('the code cache', () => {
  it('lives in the per-user cache folder of each platform', () => {
    expect(codeCacheFolder({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(
      path.join('/x/cache', 'element-authenticator', 'cli-code-cache'),
    );
    expect(codeCacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32')).toContain(
      path.join('element-authenticator', 'cli-code-cache'),
    );
    expect(codeCacheFolder({}, 'darwin')).toContain(path.join('Library', 'Caches', 'element-authenticator'));
  });

  it('is written owner-only by the first run and gives the same result on the next', async () => {
    const first = await list(cacheHome);
    const folder = folderIn(cacheHome);
    const files = await readdir(folder);
    // The entry (cli.js) and the chunk of the services and commands, at least.
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    for (const file of files) expect((await stat(path.join(folder, file))).mode & 0o777).toBe(0o600);
    const second = await list(cacheHome);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('rejects a corrupt cache, still runs, and writes a good one in its place', async () => {
    const folder = folderIn(cacheHome);
    const files = await readdir(folder);
    for (const file of files) await writeFile(path.join(folder, file), 'not V8 code at all');
    const run = await list(cacheHome);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ activeTenantId: null, tenants: [] });
    for (const file of files) expect((await stat(path.join(folder, file))).size).toBeGreaterThan(100);
  });

  it('names a cache by the content, the version of Node and the arch, not the length alone', () => {
    expect(cacheName('exports.answer = 1;')).toBe(cacheName('exports.answer = 1;'));
    expect(cacheName('exports.answer = 2;')).not.toBe(cacheName('exports.answer = 1;'));
    expect(cacheName('exports.answer = 1;', 'v20.19.0\0x64\0')).not.toBe(
      cacheName('exports.answer = 1;', 'v22.12.0\0x64\0'),
    );
  });

  it('runs a file changed at the same length as it now is, not from the cache of what it was', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'element-auth-cached-code-'));
    const home = await mkdtemp(path.join(tmpdir(), 'element-auth-cache-home-'));
    const module = path.join(root, 'answer.js');
    const run = () =>
      spawnSync(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(path.join(ROOT, 'out/main/code-cache.js'))}).useCodeCache(${JSON.stringify(root + path.sep)});` +
            `console.log(require(${JSON.stringify(module)}).answer());`,
        ],
        { env: { ...process.env, XDG_CACHE_HOME: home }, encoding: 'utf8' },
      );
    await writeFile(module, 'exports.answer = () => "first";\n');
    expect(run().stdout.trim()).toBe('first');
    expect(run().stdout.trim()).toBe('first');
    expect(await readdir(folderIn(home))).toHaveLength(1);
    await writeFile(module, 'exports.answer = () => "other";\n');
    expect(run().stdout.trim()).toBe('other');
    expect(await readdir(folderIn(home))).toHaveLength(2);
    await rm(root, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('loads neither node:crypto nor axios for a command that only reads', async () => {
    const probe = path.join(cacheHome, 'loaded-probe.cjs');
    await writeFile(
      probe,
      `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify({
        crypto: process.moduleLoadList.some((name) => name === 'NativeModule crypto'),
        axios: Object.keys(require.cache).some((file) => /axios/.test(file)),
      }) + '\\n'));\n`,
    );
    const run = await world.run(['tenant', 'list', '--json'], {
      env: { XDG_CACHE_HOME: cacheHome, NODE_OPTIONS: `--require ${probe}` },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(/LOADED (.*)/.exec(run.stderr)?.[1] ?? '{}')).toEqual({ crypto: false, axios: false });
  });

  it('stays away from a folder other users can write to', async () => {
    const shared = await mkdtemp(path.join(tmpdir(), 'element-auth-shared-'));
    const folder = folderIn(shared);
    await mkdir(folder, { recursive: true });
    await chmod(folder, 0o777);
    const run = await list(shared);
    expect(run.code).toBe(0);
    expect(await readdir(folder)).toEqual([]);
    await rm(shared, { recursive: true, force: true });
  });
});
