// Starts the app for an e2e test: the real services and router in this process, the built renderer
// in Chromium, window.elementAuth over a Playwright binding. Only the transport differs from Electron.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { createAppRouter, type Router } from '../../../main/router/index';
import { createServices, type Services } from '../../../main/services/index';
import { directTransport, type HttpTransport } from '../../../main/services/net/http-transport';
import { isSafeRemoteUrl } from '../../../common/urls';
import { silentLogger, systemClock, type Clock, type EventSink } from '../../../main/services/ports';
import { KeytarSecretStore } from '../../../main/services/tenants/keytar-secret-store';
import { serveRenderer } from './static-server';
import { clearKeychain } from '../../support/keychain-items';

const ROOT = resolve(__dirname, '../../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchOptions {
  clock?: Clock;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Reuse a data folder / keychain service, e.g. to restart the app on the same state. */
  dataDir?: string;
  /** How platform calls leave (default: direct, Node's trust store); e.g. the CLI's Node transport. */
  transport?: HttpTransport;
  keychainService?: string;
  /** More Chromium switches, e.g. the bench's unthrottled frame rate. */
  extraChromiumFlags?: string[];
}

export interface AppHarness {
  page: Page;
  services: Services;
  router: Router;
  dataDir: string;
  keychainService: string;
  secretStore: KeytarSecretStore;
  /** URLs the app asked the system browser to open. */
  openedUrls: string[];
  /** Texts main wrote to the clipboard. */
  clipboard: string[];
  /** Every payload that crossed to the renderer (results and events), for secret scans. */
  toRenderer: unknown[];
  /** The path the next save dialog answers with (null: the user cancels). */
  dialogs: { nextSavePath: string | null; nextOpenPath: string | null };
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

let bridgeScript: Promise<string> | undefined;

/** page-bridge.ts bundled into one script for addInitScript. */
function pageBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(__dirname, 'page-bridge.ts'), formats: ['iife'], name: 'ElementAuthE2E' },
    },
  }).then((output) => {
    const result = Array.isArray(output) ? output[0] : output;
    if (!result || !('output' in result) || !result.output[0])
      throw new Error('Could not bundle the e2e page bridge');
    return result.output[0].code;
  });
  return bridgeScript;
}

export async function launchApp(options: LaunchOptions = {}): Promise<AppHarness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'element-auth-e2e-')));
  const keychainService = options.keychainService ?? `element-auth-e2e-${randomBytes(6).toString('hex')}`;
  const secretStore = new KeytarSecretStore(keychainService);
  const openedUrls: string[] = [];
  const clipboard: string[] = [];
  const toRenderer: unknown[] = [];
  const dialogs = { nextSavePath: null as string | null, nextOpenPath: null as string | null };

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...(options.extraChromiumFlags ?? [])],
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page: Page = await context.newPage();
  const events: EventSink = {
    emit(event, payload) {
      toRenderer.push(payload);
      void page
        .evaluate(([name, body]) => window.__elementAuthPush?.(name, body), [event, payload] as const)
        .catch(() => {});
    },
  };
  const services = createServices({
    appInfo: { name: 'Element Authenticator', version: '0.1.0-e2e', platform: process.platform },
    dataDir,
    secretStore,
    clock: options.clock ?? systemClock,
    openUrl: async (url) => {
      if (!isSafeRemoteUrl(url)) throw new Error(`refused to open ${url}`);
      openedUrls.push(url);
    },
    events,
    log: silentLogger,
    transport: options.transport ?? directTransport,
  });
  const router = createAppRouter(services, {
    clipboard: { writeText: (text) => void clipboard.push(text) },
    dialogs: {
      chooseSavePath: async () => dialogs.nextSavePath,
      chooseOpenPath: async () => dialogs.nextOpenPath,
    },
    log: silentLogger,
  });

  const renderer = await serveRenderer(join(ROOT, 'out', 'renderer'));
  const mainFrame = page.mainFrame();
  await page.exposeBinding('__elementAuthInvoke', async (source, channel: unknown, input: unknown) => {
    if (source.frame !== mainFrame) {
      return {
        ok: false,
        error: { code: 'forbidden_sender', message: 'This request did not come from the app.' },
      };
    }
    const result = await router.invoke(channel, input);
    toRenderer.push(result);
    return result;
  });
  await page.addInitScript({ content: await pageBridgeScript() });
  await page.goto(renderer.url);

  return {
    page,
    services,
    router,
    dataDir,
    keychainService,
    secretStore,
    openedUrls,
    clipboard,
    toRenderer,
    dialogs,
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close();
      await renderer.close();
      if (!options.keychainService) {
        if (secretStore) clearKeychain(secretStore.service);
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

declare global {
  interface Window {
    __elementAuthPush?: (event: string, payload: unknown) => void;
  }
}
