// electron-builder packing this project for macOS (unpacked .app, stand-in Electron.app): the Info.plist declares
// element-auth://, the fuses are flipped in Electron Framework, and the app is re-signed ad hoc afterwards.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { stageProject, standInMacElectron } from '../fakes/electron-dist';

const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('electron-builder'));

describe('electron-builder packing this project for macOS (stand-in Electron.app, stand-in codesign)', () => {
  let work: string;
  let app: string;
  let codesignCalls: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'element-auth-mac-pack-'));
    const project = join(work, 'project');
    stageProject(project);
    // icns conversion downloads a tool: a stand-in icns keeps the pack offline.
    writeFileSync(join(project, 'build', 'stand-in.icns'), Buffer.from('icns\0\0\0\x08', 'latin1'));
    const electronDist = join(work, 'electron-dist');
    standInMacElectron(electronDist);
    // @electron/fuses runs `codesign` for resetAdHocDarwinSignature; this one records its arguments.
    const bin = join(work, 'bin');
    const log = join(work, 'codesign.log');
    writeFileSync(log, '');
    mkdirSync(bin);
    writeFileSync(join(bin, 'codesign'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n`, { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${bin}${delimiter}${path}`;
    try {
      const { build, Platform } = require('electron-builder');
      await build({
        projectDir: project,
        targets: Platform.MAC.createTarget('dir'),
        config: {
          electronDist,
          npmRebuild: false,
          mac: { icon: 'build/stand-in.icns' },
          directories: { output: join(work, 'dist') },
        },
      });
    } finally {
      process.env.PATH = path;
    }
    codesignCalls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
    app = join(work, 'dist', 'mac', 'Element Authenticator.app');
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('declares element-auth:// in the app’s Info.plist', () => {
    const plist = builderRequire('plist').parse(readFileSync(join(app, 'Contents', 'Info.plist'), 'utf8'));
    expect(plist.CFBundleURLTypes).toEqual([
      {
        CFBundleTypeRole: 'Editor',
        CFBundleURLName: 'Element Authenticator OAuth callback',
        CFBundleURLSchemes: ['element-auth'],
      },
    ]);
    expect(plist.CFBundleIdentifier).toBe('com.elementauthenticator.app');
  });

  it('flips the fuses in Electron Framework, then re-signs the whole app ad hoc', async () => {
    const { getCurrentFuseWire, FuseV1Options } = builderRequire('@electron/fuses');
    const wire = await getCurrentFuseWire(app);
    const state = (fuse: string) => String.fromCharCode(wire[FuseV1Options[fuse]]);
    expect(state('RunAsNode')).toBe('0');
    expect(state('OnlyLoadAppFromAsar')).toBe('1');
    expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
    expect(codesignCalls).toEqual([
      `--sign - --force --preserve-metadata=entitlements,requirements,flags,runtime --deep ${app}`,
    ]);
  });
});
