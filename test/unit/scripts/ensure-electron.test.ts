// scripts/ensure-electron.mjs: runs Electron's install.js, names the cause and the plain next step when the
// binary cannot be fetched, stops (or goes on with --optional, saying why), and checks Node for installers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  fetchElectron,
  installerNodeProblem,
  missingElectronMessage,
} from '../../../scripts/ensure-electron.mjs';

const SCRIPT = resolve(__dirname, '../../../scripts/ensure-electron.mjs');

describe('fetchElectron', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'element-auth-ensure-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const installer = (name: string, body: string) => {
    const file = join(dir, name);
    writeFileSync(file, body);
    return file;
  };

  it('is ok when the installer finds or fetches the binary', () => {
    expect(fetchElectron(installer('ok.js', 'process.exit(0);'))).toEqual({ ok: true });
  });

  it('names the cause from the installer’s error, not its stack', () => {
    const failing = installer(
      'offline.js',
      "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici:1:1\\n    at async download (x.js:2:2)'); process.exit(1);",
    );
    expect(fetchElectron(failing)).toEqual({ ok: false, cause: 'TypeError: fetch failed' });
  });
});

describe('the messages', () => {
  it('gives the plain next step and the npm script to run again', () => {
    const message = missingElectronMessage('TypeError: fetch failed', 'dev');
    expect(message).toContain('could not be downloaded (TypeError: fetch failed)');
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toMatch(/then npm run dev again\.$/);
  });

  it.each([
    ['v20.20.0', false],
    ['v22.11.0', false],
    ['v22.12.0', true],
    ['v23.1.0', true],
    ['v24.0.0', true],
  ])('Node %s builds installers: %s', (version, fine) => {
    const problem = installerNodeProblem(version);
    if (fine) expect(problem).toBeNull();
    else expect(problem).toMatch(new RegExp(`needs Node 22\\.12 or later.*this is Node ${version}`));
  });
});

describe('the script, where the binary cannot be fetched (this machine: no route to GitHub)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [SCRIPT, ...args], {
      encoding: 'utf8',
      env: { ...process.env, npm_lifecycle_event: 'start', ELECTRON_MIRROR: 'http://127.0.0.1:9/' },
    });

  it('stops before the command, non-zero, with the next step', () => {
    const result = run(process.execPath, '-e', 'console.log("ran")');
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('ran');
    expect(result.stderr).toContain('then npm run start again.');
  });

  it('with --optional runs the command anyway and tells it why there is no binary', () => {
    const result = run(
      '--optional',
      process.execPath,
      '-e',
      'console.log(process.env.ELEMENT_AUTH_NO_ELECTRON)',
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).not.toBe('undefined');
    expect(result.stderr).toContain('could not be downloaded');
  });
});
