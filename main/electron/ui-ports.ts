// Electron-backed ports: the system browser (https and loopback http only), the clipboard and the
// save dialog. Services and the router see only the plain interfaces from services/ports.ts.
import { clipboard, dialog, shell, type BrowserWindow } from 'electron';
import { AppFailure } from '../services/errors';
import { isSafeRemoteUrl } from '../../common/urls';
import type { Clipboard, Dialogs, OpenUrl } from '../services/ports';

export const openExternalSafely: OpenUrl = async (url) => {
  if (!isSafeRemoteUrl(url)) {
    throw new AppFailure(
      'insecure_url',
      'Only https links (or http to this computer) can be opened in the browser.',
    );
  }
  // Reached only after isSafeRemoteUrl above: https, or http to this computer.
  /* eng-disable OPEN_EXTERNAL_JS_CHECK */ await shell.openExternal(url);
};

export const systemClipboard: Clipboard = { writeText: (text) => clipboard.writeText(text) };

export function saveDialogs(getWindow: () => BrowserWindow | undefined): Dialogs {
  return {
    async chooseSavePath({ title, defaultName }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters: [{ name: 'JSON', extensions: ['json'] }] };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath({ title }) {
      const window = getWindow();
      const options = {
        title,
        properties: ['openFile' as const],
        filters: [{ name: 'JSON', extensions: ['json'] }],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
