// The sandboxed preload: exposes createApi over ipcRenderer as window.elementAuth.
// Listeners never receive the IpcRendererEvent, only the payload.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Transport } from '../common/api';

const transport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('elementAuth', createApi(transport));
