// The composition root: the one place that builds the services and wires them to Electron.
// Deep links are captured from the first lines, before anything else can miss them.
import { join } from 'node:path';
import { app, protocol, BrowserWindow, session } from 'electron';
import { createRendererHandler, RENDERER_SCHEME, RENDERER_SCHEME_PRIVILEGES } from './electron/app-protocol';
import { CertificateTrust } from './electron/certificate-trust';
import { electronNetworkTarget } from './electron/electron-network';
import { electronTransport } from './electron/electron-transport';
import { createAppUrlCheck } from './electron/app-url';
import { APP_SCHEME } from '../common/urls';
import { DeepLinkBuffer } from './electron/deep-link-buffer';
import { createAppLog } from './electron/log';
import { registerIpc, windowEvents } from './electron/ipc';
import { protocolClientArgs } from './electron/protocol-client';
import { hardenSession, hardenWebContents } from './electron/security';
import { startWhenReady } from './electron/startup';
import { openExternalSafely, saveDialogs, systemClipboard } from './electron/ui-ports';
import { createMainWindow } from './electron/window';
import { createAppRouter } from './router/index';
import { createServices } from './services/index';
import { resolveDataFolder } from './services/tenants/data-folder';
import { RedactingSecretStore } from './services/logging/redacting-secret-store';
import { Redactor } from './services/logging/redactor';
import { KeytarSecretStore } from './services/tenants/keytar-secret-store';
import { systemClock } from './services/ports';

const deepLinks = new DeepLinkBuffer();
app.on('open-url', (event, url) => {
  event.preventDefault();
  deepLinks.push(url);
});
deepLinks.pushArgv(process.argv);
// The built renderer is served from app://renderer/ (registered before ready, as Electron requires).
protocol.registerSchemesAsPrivileged([{ scheme: RENDERER_SCHEME, privileges: RENDERER_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | undefined;
const getWindow = () => mainWindow;

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isAppUrl = createAppUrlCheck(devUrl);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    deepLinks.pushArgv(argv);
    focusWindow();
  });
  const protocolClient = protocolClientArgs({
    defaultApp: !!process.defaultApp,
    argv: process.argv,
    execPath: process.execPath,
    cwd: process.cwd(),
    env: process.env,
  });
  if (protocolClient) {
    // element-auth:// carries only the OAuth callback: DeepLinkBuffer drops every other link.
    /* eng-disable PROTOCOL_HANDLER_JS_CHECK */ app.setAsDefaultProtocolClient(
      APP_SCHEME,
      protocolClient.path,
      protocolClient.args,
    );
  }
  hardenWebContents(isAppUrl);
  app.on('window-all-closed', () => app.quit());
  void startWhenReady(start);
}

function start(): void {
  hardenSession(devUrl);
  protocol.handle(RENDERER_SCHEME, createRendererHandler(join(__dirname, '../renderer')));
  const { sink: events, delivery } = windowEvents(getWindow);
  // Platform calls go the way the system does: the session's proxy (PAC included) and trust store.
  const trust = new CertificateTrust();
  trust.install(session.defaultSession);
  // One redaction step for every log line: the keychain's values (as they are read or written) and credential patterns.
  const redactor = new Redactor();
  const { log } = createAppLog(redactor, { packaged: app.isPackaged });
  const services = createServices({
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    dataDir: resolveDataFolder(),
    secretStore: new RedactingSecretStore(new KeytarSecretStore(undefined, { log }), redactor),
    clock: systemClock,
    openUrl: openExternalSafely,
    events,
    log,
    activitySource: 'app',
    transport: electronTransport(session.defaultSession, trust),
    network: electronNetworkTarget(session.defaultSession, trust),
  });
  void services.settings.applySaved().catch((error: unknown) => {
    log.warn(`The saved network settings could not be applied: ${String(error)}`);
  });
  const router = createAppRouter(services, {
    clipboard: systemClipboard,
    dialogs: saveDialogs(getWindow),
    log,
  });
  registerIpc(router, isAppUrl, delivery);
  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    devUrl,
    onPageLoading: () => delivery.reset(),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  // The start-up check (its notice needs a page to show it) and the watch for the CLI's changes.
  mainWindow.webContents.once('did-finish-load', () => {
    services.start().then(
      (stopWatching) => app.once('will-quit', stopWatching),
      (error: unknown) => log.error('The start-up check failed', { error: String(error) }),
    );
  });
  deepLinks.attach((url) => {
    focusWindow();
    services.flow.handleDeepLink(url);
  });
}
