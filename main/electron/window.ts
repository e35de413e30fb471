// The main window: sandboxed, context-isolated, no Node in the renderer, on app://renderer/index.html (or the
// dev server). Its title follows the renderer's document.title, which names the active tenant.
import { BrowserWindow } from 'electron';
import { RENDERER_URL } from './app-protocol';

export interface WindowOptions {
  preloadPath: string;
  /** The dev server URL, or undefined to load the built renderer from app://. */
  devUrl: string | undefined;
  /** Called when a new page starts loading in the window (first load, reload): nothing listens to events yet. */
  onPageLoading: () => void;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Element Authenticator',
    autoHideMenuBar: true,
    webPreferences: {
      // Sandboxed; exposes only the contract's calls through contextBridge.
      /* eng-disable PRELOAD_JS_CHECK */ preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click never opens a window (setWindowOpenHandler denies them anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) options.onPageLoading();
  });
  void window.loadURL(options.devUrl ?? RENDERER_URL);
  return window;
}
