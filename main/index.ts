// The composition root: the one place that builds the services and wires them to Electron.
// Deep links are captured from the first lines, before anything else can miss them.
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { CertificateTrust } from './electron/certificate-trust';
import { electronNetworkTarget } from './electron/electron-network';
import { electronTransport } from './electron/electron-transport';
import { createAppUrlCheck } from './electron/app-url';
import { APP_SCHEME } from '../common/urls';
import { DeepLinkBuffer } from './electron/deep-link-buffer';
import { createAppLog } from './electron/log';
import { registerIpc, windowEventSink } from './electron/ipc';
import { hardenSession, hardenWebContents } from './electron/security';
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

let mainWindow: BrowserWindow | undefined;
const getWindow = () => mainWindow;

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererFile = join(__dirname, '../renderer/index.html');
const isAppUrl = createAppUrlCheck({ devUrl, rendererFile });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    deepLinks.pushArgv(argv);
    focusWindow();
  });
  if (process.defaultApp && process.argv[1]) {
    // element-auth:// carries only the OAuth callback: DeepLinkBuffer drops every other link.
    /* eng-disable PROTOCOL_HANDLER_JS_CHECK */ app.setAsDefaultProtocolClient(APP_SCHEME, process.execPath, [
      process.argv[1],
    ]);
  } else {
    // element-auth:// carries only the OAuth callback: DeepLinkBuffer drops every other link.
    /* eng-disable PROTOCOL_HANDLER_JS_CHECK */ app.setAsDefaultProtocolClient(APP_SCHEME);
  }
  hardenWebContents(isAppUrl);
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  hardenSession();
  // Platform calls go the way the system does: the session's proxy (PAC included) and trust store.
  const trust = new CertificateTrust();
  trust.install(session.defaultSession);
  // One redaction step for every log line: the keychain's values (as they are read or written) and credential patterns.
  const redactor = new Redactor();
  const { log } = createAppLog(redactor, { packaged: app.isPackaged });
  const services = createServices({
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    dataDir: resolveDataFolder(),
    secretStore: new RedactingSecretStore(new KeytarSecretStore(), redactor),
    clock: systemClock,
    openUrl: openExternalSafely,
    events: windowEventSink(getWindow),
    log,
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
  registerIpc(router, isAppUrl);
  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    devUrl,
    rendererFile,
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  deepLinks.attach((url) => {
    focusWindow();
    services.flow.handleDeepLink(url);
  });
}
