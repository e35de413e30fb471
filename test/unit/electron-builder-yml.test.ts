// electron-builder.yml: valid against the schema electron-builder ships, the element-auth:// protocol on every
// platform, the targets, asar with keytar unpacked, the icons, and a real pack of the real build (`electron-vite
// build`) with the fuses as configured, whose main process starts from app.asar with a stand-in electron.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { RENDERER_URL } from '../../main/electron/app-protocol';
import { stageProject, standInLinuxElectron } from '../fakes/electron-dist';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/csp';

const ROOT = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('electron-builder'));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(path: string): { width: number; height: number; rgba: boolean } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), rgba: bytes[25] === 6 };
}

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema electron-builder ships', () => {
    const schema = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addKeyword({ keyword: 'typeof', validate: (type: string, data: unknown) => typeof data === type });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  }, 60_000);

  it('names the app and registers element-auth:// for every platform', () => {
    expect(config.appId).toBe('com.elementauthenticator.app');
    expect(config.productName).toBe('Element Authenticator');
    expect(config.directories.output).toBe('dist');
    expect(config.protocols).toEqual([
      { name: 'Element Authenticator OAuth callback', schemes: ['element-auth'] },
    ]);
  });

  it('builds dmg + zip with the hardened runtime and only the allow-jit entitlement', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(ROOT, config.mac[key]), 'utf8');
      expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
        'com.apple.security.cs.allow-jit',
      ]);
    }
  });

  it('builds a per-user NSIS installer that never asks for admin rights and registers the scheme under HKCU', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    const script = readFileSync(join(ROOT, config.nsis.include), 'utf8');
    for (const scheme of config.protocols.flatMap((p: { schemes: string[] }) => p.schemes)) {
      expect(script).toContain(`WriteRegStr HKCU "Software\\Classes\\${scheme}" "URL Protocol" ""`);
      expect(script).toContain(
        `WriteRegStr HKCU "Software\\Classes\\${scheme}\\shell\\open\\command" "" '"$INSTDIR\\`,
      );
      expect(script).toContain(`DeleteRegKey HKCU "Software\\Classes\\${scheme}"`);
    }
    expect(script).not.toMatch(/HKLM|HKCR/);
  });

  it('builds AppImage + deb in the Development and Utility categories', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development;Utility');
    expect(config.linux.mimeTypes).toBeUndefined();
  });

  it('packs with asar, keytar unpacked, and only the build output and package.json as files', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**/*.node']);
    expect(config.files).toEqual(['out/**', '!out/**/*.map', 'package.json']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      // The renderer comes from app://, so file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('re-signs ad hoc after flipping fuses, or an unsigned Apple Silicon build is killed at launch', () => {
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });

  it('has an SVG source and icons of the sizes the targets need', () => {
    expect(readFileSync(join(ROOT, 'build/icon.svg'), 'utf8')).toContain('viewBox="0 0 1024 1024"');
    for (const platform of ['mac', 'win']) {
      expect(pngHeader(join(ROOT, config[platform].icon))).toEqual({ width: 1024, height: 1024, rgba: true });
    }
    const linuxIcons = readdirSync(join(ROOT, config.linux.icon)).sort();
    expect(linuxIcons).toEqual([
      '128x128.png',
      '16x16.png',
      '24x24.png',
      '256x256.png',
      '32x32.png',
      '48x48.png',
      '512x512.png',
      '64x64.png',
    ]);
    for (const name of linuxIcons) {
      const size = Number(name.split('x')[0]);
      expect(pngHeader(join(ROOT, config.linux.icon, name))).toEqual({
        width: size,
        height: size,
        rgba: true,
      });
    }
  });
});

describe('electron-builder packing this project (Linux, unpacked, with a stand-in Electron)', () => {
  let work: string;
  let desktopEntry = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'element-auth-pack-'));
    const project = join(work, 'project');
    stageProject(project);
    const electronDist = join(work, 'electron-dist');
    standInLinuxElectron(electronDist);

    const { build, Platform } = require('electron-builder');
    // The staged project reaches the real node_modules through a symlink, where `npm ls` (electron-builder's
    // npm collector) loses nested packages; walking the folder tree finds exactly what a checkout has.
    const userAgent = process.env.npm_config_user_agent;
    process.env.npm_config_user_agent = 'traversal';
    rmSync(join(project, 'package-lock.json'));
    const { LinuxTargetHelper } = builderRequire('app-builder-lib/out/targets/LinuxTargetHelper');
    await build({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir'),
      config: {
        electronDist,
        npmRebuild: false,
        directories: { output: join(work, 'dist') },
        afterPack: async (context: { packager: { platformSpecificBuildOptions: unknown } }) => {
          desktopEntry = await new LinuxTargetHelper(context.packager).computeDesktopEntry(
            context.packager.platformSpecificBuildOptions,
          );
        },
      },
    }).finally(() => {
      process.env.npm_config_user_agent = userAgent;
    });
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const resources = () => join(work, 'dist', 'linux-unpacked', 'resources');
  const asarList = () =>
    execFileSync(join(ROOT, 'node_modules/.bin/asar'), ['list', join(resources(), 'app.asar')], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');

  it('packs the build output, package.json and production dependencies only', () => {
    const entries = asarList();
    const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const out = entries.filter((entry) => entry.startsWith('/out/') && entry.includes('.'));
    for (const built of [
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ])
      expect(out).toContain(built);
    expect(out.filter((entry) => entry.startsWith('/out/renderer/assets/'))).not.toEqual([]);
    expect(out.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    const modules = new Set(
      entries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/')[2]),
    );
    for (const dependency of ['axios', 'electron-log', 'keytar', 'zod'])
      expect(modules).toContain(dependency);
    for (const devDependency of [
      'electron',
      'electron-builder',
      'react',
      'vitest',
      'typescript',
      '@doyensec',
    ]) {
      expect(modules).not.toContain(devDependency);
    }
  });

  it('unpacks keytar’s native addon next to app.asar', () => {
    expect(
      existsSync(join(resources(), 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')),
    ).toBe(true);
  });

  it('writes a .desktop entry that hands element-auth:// links to the app', () => {
    expect(desktopEntry).toMatch(/^MimeType=x-scheme-handler\/element-auth;$/m);
    expect(desktopEntry).toMatch(/^Exec=.*\/element-authenticator"? %U$/m);
    expect(desktopEntry).toMatch(/^Icon=element-authenticator$/m);
    expect(desktopEntry).toMatch(/^Categories=Development;Utility;$/m);
    expect(desktopEntry).toMatch(/^Name=Element Authenticator$/m);
    expect(desktopEntry).toMatch(/^StartupWMClass=element-authenticator$/m);
  });

  it('flips the fuses as electron-builder.yml configures them', async () => {
    const { getCurrentFuseWire, FuseV1Options } = builderRequire('@electron/fuses');
    const wire = await getCurrentFuseWire(join(work, 'dist', 'linux-unpacked', 'element-authenticator'));
    const state = (fuse: string) => String.fromCharCode(wire[FuseV1Options[fuse]]);
    expect({
      runAsNode: state('RunAsNode'),
      enableCookieEncryption: state('EnableCookieEncryption'),
      enableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      enableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
      onlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      grantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
    }).toEqual({
      runAsNode: '0',
      enableCookieEncryption: '1',
      // NODE_OPTIONS stays on: NODE_EXTRA_CA_CERTS behind TLS-inspecting proxies.
      enableNodeOptionsEnvironmentVariable: '1',
      enableNodeCliInspectArguments: '0',
      onlyLoadAppFromAsar: '1',
      grantFileProtocolExtraPrivileges: '0',
    });
  });

  it('starts main from app.asar (stand-in electron): app:// page with its CSP, IPC, and the start link’s notice once the page listens', () => {
    const asar = builderRequire('@electron/asar');
    const extracted = join(work, 'extracted');
    asar.extractAll(join(resources(), 'app.asar'), extracted);
    mkdirSync(join(extracted, 'node_modules', 'electron'), { recursive: true });
    cpSync(
      join(ROOT, 'test/fakes/electron-stand-in.cjs'),
      join(extracted, 'node_modules', 'electron', 'index.js'),
    );
    const runner = `
      require(${JSON.stringify(join(extracted, 'out', 'main', 'index.js'))});
      const report = async () => {
        const e = globalThis.__electron;
        for (let i = 0; i < 200 && !e.windows.length && !e.errors.length; i++) await new Promise((r) => setTimeout(r, 10));
        const page = await e.protocols.get('app')(new Request(e.windows[0].url));
        const asset = (await page.clone().text()).match(/src="([^"]+\\.js)"/)[1];
        const script = await e.protocols.get('app')(new Request(new URL(asset, e.windows[0].url)));
        const noticesBefore = e.sent.filter(([name]) => name === 'app.notice').length;
        const fromPage = { senderFrame: { url: e.windows[0].url, parent: null } };
        const listening = await e.ipc.get('transport.listening')(fromPage, 'app.notice');
        console.log(JSON.stringify({
          schemes: e.schemes, url: e.windows[0].url, ipc: [...e.ipc.keys()], errors: e.errors,
          protocolClients: e.protocolClients, noticesBefore, listening,
          notices: e.sent.filter(([name]) => name === 'app.notice').map(([, notice]) => notice),
          sandbox: e.windows[0].options.webPreferences.sandbox,
          page: { status: page.status, csp: page.headers.get('content-security-policy') },
          script: { status: script.status, type: script.headers.get('content-type') },
        }));
        process.exit(0);
      };
      report();`;
    const home = join(work, 'home');
    // Started by a sign-in link that matches no sign-in: its notice must reach the page once it listens.
    const link = 'element-auth://oauth/callback?code=stale-code&state=no-such-flow';
    const result = spawnSync(process.execPath, ['-e', runner, link], {
      encoding: 'utf8',
      env: { ...process.env, ELEMENT_AUTH_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') },
      timeout: 60_000,
    });
    expect(result.stderr).not.toMatch(/Error/);
    const started = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(started.errors).toEqual([]);
    expect(started.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(started.url).toBe(RENDERER_URL);
    expect(started.sandbox).toBe(true);
    expect(started.page).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(started.script).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(started.ipc).toContain('transport.listening');
    expect(started.ipc).toContain('flow.start');
    expect(started.protocolClients).toEqual([['element-auth', null, null]]);
    expect(started.noticesBefore).toBe(0);
    expect(started.listening).toEqual({ ok: true, value: null });
    expect(started.notices).toHaveLength(1);
    expect(started.notices[0]).toMatchObject({ level: 'warning' });
    expect(JSON.stringify(started.notices)).not.toContain('stale-code');
  }, 90_000);
});
