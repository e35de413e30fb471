// The sandboxed preload: exposes createApi over ipcRenderer as window.elementAuth. Subscriptions are only to
// the contract's events, tell main the page now listens, and never pass the IpcRendererEvent on.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Transport } from '../common/api';
import { EVENT_LISTENING_CHANNEL, isEventName } from '../common/contract';

const transport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    if (!isEventName(event)) throw new Error(`Not an Element Authenticator event: ${String(event)}`);
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    void ipcRenderer.invoke(EVENT_LISTENING_CHANNEL, event);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('elementAuth', createApi(transport));
