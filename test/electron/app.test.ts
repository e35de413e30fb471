// The built app in real Electron, driven by Playwright's _electron (`npm run test:electron`, where an Electron
// binary exists): the hardened window, then the stepper against the fake platform through all three doors.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { createServices } from '../../main/services/index';
import { directTransport } from '../../main/services/net/http-transport';
import { silentLogger, systemClock } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { fillRedirectUrlForm, freePort, playConsent, waitForStep } from '../e2e/helpers/stepper-driver';
import { electronBinary, sandboxArgs, sandboxFacts, skipReason } from './electron-binary';
import { clearKeychain } from '../support/keychain-items';

const ROOT = resolve(__dirname, '../..');
const SCREENSHOTS = join(ROOT, 'test-results', 'electron');
const binary = electronBinary();
const skipped = binary ? '' : ` (skipped: ${skipReason()})`;

const ORG_SECRET = `org-secret-${randomBytes(6).toString('hex')}`;
const USER_SECRET = `user-secret-${randomBytes(6).toString('hex')}`;
const CLIENT_ID = 'zoho-client-id-electron';
const CLIENT_SECRET = `zoho-client-secret-${randomBytes(6).toString('hex')}`;
/** As root (CI containers), or on Ubuntu 23.10+ before chrome-sandbox is set up, Electron needs --no-sandbox. */
const SANDBOX_ARGS = binary ? sandboxArgs(sandboxFacts(binary)) : [];

describe.skipIf(!binary)(`Element Authenticator in Electron${skipped}`, () => {
  let fake: FakePlatform;
  let home: string;
  let keychain: KeytarSecretStore;
  let env: Record<string, string>;
  let electronApp: ElectronApplication;
  let page: Page;
  const codes: string[] = [];

  const lastOpenedUrl = () =>
    electronApp.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened.at(-1) ?? '');
  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const lastPost = () =>
    fake.requests.filter((r) => r.method === 'POST' && r.path === '/instances').at(-1)?.body;

  /** Step 1 in the window; returns the authorization URL main handed to the (stubbed) system browser. */
  async function startFlow(instanceName: string, callbackUrl: string): Promise<string> {
    if ((await page.getByTestId('flow-panel').getAttribute('data-step')) !== 'idle') {
      await page.getByRole('button', { name: 'Start another' }).click();
      await waitForStep(page, 'idle');
    }
    await fillRedirectUrlForm(page, {
      instanceName,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      callbackUrl,
    });
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(page, 'awaiting-consent');
    return lastOpenedUrl();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    fake = await startFakePlatform({ orgSecret: ORG_SECRET, userSecret: USER_SECRET });
    home = mkdtempSync(join(tmpdir(), 'element-auth-electron-'));
    const keychainService = `element-auth-test-electron-${randomBytes(6).toString('hex')}`;
    keychain = new KeytarSecretStore(keychainService);
    env = {
      ...(process.env as Record<string, string>),
      ELEMENT_AUTH_HOME: join(home, 'data'),
      ELEMENT_AUTH_KEYCHAIN_SERVICE: keychainService,
      ELEMENT_AUTH_LOG_LEVEL: 'debug',
      XDG_CONFIG_HOME: join(home, 'config'),
    };
    // The tenant is set up beforehand, as the CLI would: the same data folder and keychain service.
    const services = createServices({
      appInfo: { name: 'Element Authenticator', version: '0.1.0-test', platform: process.platform },
      dataDir: env.ELEMENT_AUTH_HOME!,
      secretStore: keychain,
      clock: systemClock,
      openUrl: async () => {},
      events: { emit: () => {} },
      log: silentLogger,
      transport: directTransport,
    });
    const tenant = await services.tenants.add({
      name: 'Acme Corp',
      environment: 'custom',
      customUrl: fake.baseUrl,
      orgSecret: ORG_SECRET,
      userSecret: USER_SECRET,
    });
    await services.tenants.use({ id: tenant.id });

    electronApp = await _electron.launch({
      executablePath: binary,
      args: [...SANDBOX_ARGS, ROOT],
      env,
      cwd: ROOT,
    });
    // The system browser is played by the test: main's shell.openExternal only records the URL.
    await electronApp.evaluate(({ shell }) => {
      const opened: string[] = [];
      Object.assign(globalThis, { __opened: opened });
      Object.defineProperty(shell, 'openExternal', {
        value: async (url: string) => void opened.push(url),
        configurable: true,
        writable: true,
      });
    });
    page = await electronApp.firstWindow();
    await page.getByRole('button', { name: 'Get the sign-in link' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await electronApp?.close();
    await fake?.close();
    if (keychain) clearKeychain(keychain.service);
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('opens one window on the built renderer (app://), context-isolated and without Node', async () => {
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url()).toMatch(/^app:\/\/renderer\/index\.html(#.*)?$/);
    const globals = await page.evaluate(() => ({
      api: typeof window.elementAuth,
      // contextBridge works only with context isolation, and freezes what it hands the page.
      bridged: Object.isFrozen(window.elementAuth),
      require: typeof Reflect.get(window, 'require'),
      process: typeof Reflect.get(window, 'process'),
    }));
    expect(globals).toEqual({ api: 'object', bridged: true, require: 'undefined', process: 'undefined' });
    await expect.poll(() => page.getByTestId('acting-on').textContent()).toContain('Acme Corp');
    await screenshot('electron-1-window');
  });

  it('refuses new windows, navigation away and inline script', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    const appUrl = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);
    expect(electronApp.windows()).toHaveLength(1);
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.appendChild(script);
      return Reflect.get(window, '__inlineRan') === true;
    });
    expect(inlineRan).toBe(false);
  });

  it('US through the loopback door: the browser redirect reaches main, and the instance is created', async () => {
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const authUrl = await startFlow('Acme Zoho US', callbackUrl);
    expect(authUrl.startsWith(`${fake.origin}/fake-vendor/oauth2/auth?`)).toBe(true);
    const location = await playConsent(authUrl);
    codes.push(new URL(location).searchParams.get('code') ?? '');
    expect((await fetch(location)).status).toBe(200);
    await waitForStep(page, 'done');
    expect(lastPost()).toMatchObject({
      name: 'Acme Zoho US',
      configuration: {
        'oauth.api.secret': CLIENT_SECRET,
        'oauth.callback.url': callbackUrl,
        'oauth.base.url': 'https://accounts.zoho.com',
      },
      providerData: { code: codes.at(-1), location: 'us' },
    });
    await screenshot('electron-2-done-loopback');
  });

  it('through element-auth://: a second launch with the link hands it to the running app and quits', async () => {
    const authUrl = await startFlow('Acme Zoho protocol', 'element-auth://oauth/callback');
    const location = await playConsent(authUrl, '&dc=eu');
    codes.push(new URL(location).searchParams.get('code') ?? '');
    const deepLink = `element-auth://oauth/callback${new URL(location).search}`;
    const second = spawn(binary!, [...SANDBOX_ARGS, ROOT, deepLink], { env, stdio: 'ignore' });
    const [exitCode] = await once(second, 'exit');
    expect(exitCode).toBe(0);
    await waitForStep(page, 'done');
    expect(electronApp.windows()).toHaveLength(1);
    expect(lastPost()).toMatchObject({
      name: 'Acme Zoho protocol',
      configuration: {
        'oauth.callback.url': 'element-auth://oauth/callback',
        'oauth.base.url': 'https://accounts.zoho.eu',
      },
      providerData: { code: codes.at(-1), location: 'eu' },
    });
  });

  it('EU through the paste box', async () => {
    const callbackUrl = 'https://auth.example.com/oauth/callback';
    const location = await playConsent(await startFlow('Acme Zoho EU', callbackUrl), '&dc=eu');
    codes.push(new URL(location).searchParams.get('code') ?? '');
    await page.getByRole('textbox', { name: /^Redirected URL/ }).fill(location);
    await page.getByRole('button', { name: 'Use it' }).click();
    await waitForStep(page, 'done');
    await page.getByText('Europe (eu)').waitFor();
    await screenshot('electron-3-done-paste');
  });

  it('wrote a debug log in the OS log folder with none of the secrets in it', async () => {
    const { name, userData } = await electronApp.evaluate(({ app }) => ({
      name: app.getName(),
      userData: app.getPath('userData'),
    }));
    const folder =
      process.platform === 'darwin' ? join(homedir(), 'Library', 'Logs', name) : join(userData, 'logs');
    const file = join(folder, 'element-authenticator.log');
    expect(existsSync(file)).toBe(true);
    const log = readFileSync(file, 'utf8');
    expect(log).toContain('Flow step');
    const tokens = [...fake.instances.values()].map((instance) => instance.token);
    expect(codes.filter(Boolean)).toHaveLength(3);
    for (const secret of [ORG_SECRET, USER_SECRET, CLIENT_SECRET, ...codes, ...tokens]) {
      expect(log.includes(secret), `the log holds ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
