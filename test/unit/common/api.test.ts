// createApi: the renderer's window.elementAuth is grouped by domain, calls the transport with the
// contract's channel names, and hands listeners the payload only, with a working unsubscribe.
import { describe, expect, it } from 'vitest';
import { createApi, type Transport } from '../../../common/api';
import { channels } from '../../../common/contract';

function recordingTransport() {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    invoke: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: channel };
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const push = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  return { transport, calls, push };
}

describe('createApi', () => {
  it('exposes every contract channel as domain.method and forwards the input unchanged', async () => {
    const { transport, calls } = recordingTransport();
    const api = createApi(transport) as unknown as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>>
    >;
    for (const name of Object.keys(channels)) {
      const [domain = '', method = ''] = name.split('.');
      expect(typeof api[domain]?.[method], name).toBe('function');
    }
    const result = await createApi(transport).app.info();
    expect(result).toEqual({ ok: true, value: 'app.info' });
    expect(calls.at(-1)).toEqual(['app.info', undefined]);
  });

  it('gives listeners only the payload, and unsubscribing stops delivery', () => {
    const { transport, push } = recordingTransport();
    const api = createApi(transport);
    const seen: unknown[] = [];
    const off = api.on('app.notice', (notice) => seen.push(notice));
    push('app.notice', { level: 'info', message: 'hello' });
    off();
    push('app.notice', { level: 'info', message: 'after unsubscribe' });
    expect(seen).toEqual([{ level: 'info', message: 'hello' }]);
  });
});
