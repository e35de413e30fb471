// The preload through a stand-in electron: window.elementAuth is createApi over ipcRenderer; on() takes only the
// contract's events, tells main the page listens, passes the payload (never the IpcRendererEvent) and unsubscribes.
import { EVENT_LISTENING_CHANNEL } from '../../../common/contract';
import type { ElementAuthApi } from '../../../common/api';

type Listener = (event: unknown, payload: unknown) => void;
const electron = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  invoked: [] as [string, unknown][],
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (electron.exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      electron.invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: Listener) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Listener) =>
      void electron.listeners.get(channel)?.delete(listener),
  },
}));

await import('../../../preload/index');
const api = electron.exposed.elementAuth as ElementAuthApi;

beforeEach(() => {
  electron.invoked = [];
});

describe('the preload', () => {
  it('exposes the API as window.elementAuth and invokes contract channels', async () => {
    await api.app.info();
    expect(electron.invoked).toEqual([['app.info', undefined]]);
  });

  it('subscribes to a contract event, says so to main, and hands over only the payload', () => {
    const payloads: unknown[] = [];
    const unsubscribe = api.on('app.notice', (payload) => payloads.push(payload));
    expect(electron.invoked).toEqual([[EVENT_LISTENING_CHANNEL, 'app.notice']]);
    const ipcEvent = { sender: 'the IpcRendererEvent' };
    for (const listener of electron.listeners.get('app.notice')!)
      listener(ipcEvent, { level: 'info', message: 'hi' });
    expect(payloads).toEqual([{ level: 'info', message: 'hi' }]);
    unsubscribe();
    expect(electron.listeners.get('app.notice')!.size).toBe(0);
  });

  it.each(['app.info', '__ELECTRON_LOG__', 'transport.listening', 'constructor', 'toString'])(
    'refuses to subscribe to %s, which is no contract event',
    (name) => {
      expect(() => api.on(name as 'app.notice', () => {})).toThrow(/Not an Element Authenticator event/);
      expect(electron.listeners.has(name)).toBe(false);
      expect(electron.invoked).toEqual([]);
    },
  );
});
