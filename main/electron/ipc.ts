// Typed IPC: one ipcMain.handle per contract channel, a sender check on every call, and the
// router's envelope as the answer. Push events go to the window's webContents.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels, type ChannelName } from '../../common/contract';
import type { Router } from '../router/index';
import type { EventSink } from '../services/ports';

/** True when the call comes from the app's own top frame (file:// of the packaged renderer or the dev server). */
export type SenderCheck = (frameUrl: string) => boolean;

export function registerIpc(router: Router, isTrustedSender: SenderCheck): void {
  for (const name of Object.keys(channels) as ChannelName[]) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedSender(frame.url)) {
        return {
          ok: false,
          error: { code: 'forbidden_sender', message: 'This request did not come from the app.' },
        };
      }
      return router.invoke(name, input);
    });
  }
}

export function windowEventSink(getWindow: () => BrowserWindow | undefined): EventSink {
  return {
    emit(event, payload) {
      const window = getWindow();
      if (window && !window.isDestroyed()) window.webContents.send(event, payload);
    },
  };
}
