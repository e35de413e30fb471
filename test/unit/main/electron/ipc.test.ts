// main/electron/ipc.ts through a stand-in electron: every contract channel checks its sender, and the preload's
// "the page listens to X" call (the app's own top frame, a contract event only) releases the events held for X.
import type { IpcMainInvokeEvent } from 'electron';
import { channels, EVENT_LISTENING_CHANNEL } from '../../../../common/contract';
import { EventDelivery } from '../../../../main/electron/event-delivery';
import type { Router } from '../../../../main/router/index';

type Handle = (event: IpcMainInvokeEvent, input: unknown) => unknown;
const electron = vi.hoisted(() => ({ handlers: new Map<string, Handle>() }));
vi.mock('electron', () => ({
  ipcMain: { handle: (name: string, handler: Handle) => void electron.handlers.set(name, handler) },
}));

const { registerIpc } = await import('../../../../main/electron/ipc');

const APP = 'app://renderer/index.html';
const frame = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as IpcMainInvokeEvent;
const invoked: [string, unknown][] = [];
const router = {
  invoke: async (name: string, input: unknown) => {
    invoked.push([name, input]);
    return { ok: true, value: null };
  },
} as unknown as Router;
const sent: [string, unknown][] = [];
const delivery = new EventDelivery((event, payload) => sent.push([event, payload]) > 0);

beforeAll(() => registerIpc(router, (url) => url === APP, delivery));

describe('registerIpc', () => {
  it('handles every contract channel and the event-listening channel', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(
      [...Object.keys(channels), EVENT_LISTENING_CHANNEL].sort(),
    );
  });

  it('passes the app’s calls to the router and refuses other senders and subframes', async () => {
    const call = electron.handlers.get('app.info')!;
    await call(frame(APP), undefined);
    expect(invoked).toEqual([['app.info', undefined]]);
    for (const event of [
      frame('file:///tmp/index.html'),
      frame(APP, {}),
      { senderFrame: null } as IpcMainInvokeEvent,
    ]) {
      expect(await call(event, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(invoked).toHaveLength(1);
  });

  it('releases a held notice once the app’s page says it listens', () => {
    delivery.emit('app.notice', { level: 'warning', message: 'held' });
    const listening = electron.handlers.get(EVENT_LISTENING_CHANNEL)!;
    expect(listening(frame('https://evil.example/'), 'app.notice')).toMatchObject({
      error: { code: 'forbidden_sender' },
    });
    expect(listening(frame(APP), 'not.an.event')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(sent).toEqual([]);
    expect(listening(frame(APP), 'app.notice')).toEqual({ ok: true, value: null });
    expect(sent).toEqual([['app.notice', { level: 'warning', message: 'held' }]]);
  });
});
