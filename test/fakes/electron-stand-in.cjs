// A stand-in for the 'electron' module, enough to run the built main process (out/main/index.js) under plain
// Node: it records what main registers (schemes, protocol handlers, IPC handlers, windows, events sent) in
// globalThis.__electron.
const { EventEmitter } = process.getBuiltinModule('node:events');
const { mkdtempSync } = process.getBuiltinModule('node:fs');
const { tmpdir } = process.getBuiltinModule('node:os');
const { join } = process.getBuiltinModule('node:path');

const home = mkdtempSync(join(tmpdir(), 'element-auth-stand-in-'));
const recorded = {
  schemes: [],
  protocols: new Map(),
  ipc: new Map(),
  windows: [],
  sent: [],
  protocolClients: [],
  errors: [],
};
globalThis.__electron = recorded;
// electron-log (and anything else) asks process.versions whether it runs in Electron.
Object.defineProperty(process.versions, 'electron', { value: '45.0.0-stand-in', enumerable: true });

const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  name: 'Element Authenticator',
  getName: () => 'Element Authenticator',
  getVersion: () => '0.0.0-stand-in',
  getPath: (name) => join(home, name),
  getAppPath: () => join(__dirname, '..', '..'),
  isReady: () => true,
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => true,
  releaseSingleInstanceLock: () => {},
  setAsDefaultProtocolClient: (...args) => recorded.protocolClients.push(args),
  quit: () => {},
  exit: (code) => recorded.errors.push(`exit ${code}`),
});

class BrowserWindow extends EventEmitter {
  static getAllWindows = () => recorded.windows;
  constructor(options) {
    super();
    this.options = options;
    this.webContents = Object.assign(new EventEmitter(), {
      send: (event, payload) => recorded.sent.push([event, payload]),
    });
    recorded.windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show() {}
  focus() {}
}

const session = {
  defaultSession: {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    webRequest: { onHeadersReceived: () => {} },
    // The network stack the platform calls go through (main/electron/electron-*.ts); nothing is called at start.
    setCertificateVerifyProc: () => {},
    setProxy: async () => {},
    resolveProxy: async () => 'DIRECT',
    closeAllConnections: async () => {},
    fetch: () => Promise.reject(new Error('The stand-in electron has no network.')),
  },
};

module.exports = {
  app,
  BrowserWindow,
  session,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => recorded.schemes.push(...schemes),
    handle: (scheme, handler) => recorded.protocols.set(scheme, handler),
  },
  ipcMain: Object.assign(new EventEmitter(), {
    handle: (channel, handler) => recorded.ipc.set(channel, handler),
    removeHandler: () => {},
  }),
  dialog: { showErrorBox: (title, content) => recorded.errors.push(`${title}: ${content}`) },
  shell: { openExternal: () => Promise.resolve() },
  clipboard: { writeText: () => {} },
  webContents: { getAllWebContents: () => [] },
};
