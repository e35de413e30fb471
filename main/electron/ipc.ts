// Typed IPC: one ipcMain.handle per contract channel, a sender check on every call, and the
// router's envelope as the answer. Push events go to the window's webContents once the page listens.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels, EVENT_LISTENING_CHANNEL, isEventName, type ChannelName } from '../../common/contract';
import type { Router } from '../router/index';
import type { EventSink } from '../services/ports';
import { EventDelivery } from './event-delivery';

/** True when the call comes from the app's own top frame (app://renderer/index.html or the dev server). */
export type SenderCheck = (frameUrl: string) => boolean;

const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This request did not come from the app.' },
} as const;

function fromApp(event: IpcMainInvokeEvent, isTrustedSender: SenderCheck): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isTrustedSender(frame.url);
}

export function registerIpc(router: Router, isTrustedSender: SenderCheck, delivery: EventDelivery): void {
  for (const name of Object.keys(channels) as ChannelName[]) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown) =>
      fromApp(event, isTrustedSender) ? router.invoke(name, input) : FORBIDDEN,
    );
  }
  ipcMain.handle(EVENT_LISTENING_CHANNEL, (event: IpcMainInvokeEvent, name: unknown) => {
    if (!fromApp(event, isTrustedSender)) return FORBIDDEN;
    if (!isEventName(name)) return { ok: false, error: { code: 'invalid_input', message: 'No such event.' } };
    delivery.listen(name);
    return { ok: true, value: null };
  });
}

/** The services' event sink: each event goes to the window once its page listens, and waits until then. */
export function windowEvents(getWindow: () => BrowserWindow | undefined): {
  sink: EventSink;
  delivery: EventDelivery;
} {
  const delivery = new EventDelivery((event, payload) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    window.webContents.send(event, payload);
    return true;
  });
  return { sink: { emit: (event, payload) => delivery.emit(event, payload) }, delivery };
}
