// A scripted window.elementAuth for the tenants renderer tests: the real createApi over an
// in-memory transport, two tenants with hints only, recorded calls and pushed events.
import { createApi, type Transport } from '../../../preload/api';
import type { ChannelName, EventName, EventPayload, Result, TenantList } from '../../../preload/contract';

type Answer = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const TWO_TENANTS: TenantList = {
  tenants: [
    {
      id: 't-acme',
      name: 'Acme',
      environment: 'us',
      baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
      color: '#1c7ed6',
      orgSecretHint: '••••ABCD',
      userSecretHint: '••••WXYZ',
    },
    {
      id: 't-globex',
      name: 'Globex',
      environment: 'custom',
      baseUrl: 'http://127.0.0.1:8080/elements/api-v2',
      color: null,
      orgSecretHint: '••••GLOB',
      userSecretHint: '••••EXUS',
    },
  ],
  activeTenantId: 't-acme',
  oauthApps: [
    {
      id: 'app-1',
      tenantId: 't-acme',
      name: 'Zoho prod',
      clientId: '1000.CLIENT',
      callbackUrl: 'element-auth://oauth/callback',
      scope: null,
      clientSecretHint: '••••S3CR',
    },
  ],
  notice: null,
};

export interface FakeBridge {
  answers: Partial<Record<ChannelName, Answer>>;
  calls: { channel: ChannelName; input: unknown }[];
  callsTo(channel: ChannelName): unknown[];
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function installTenantsBridge(list: TenantList = TWO_TENANTS): FakeBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  const answers: FakeBridge['answers'] = {
    'tenants.list': () => ok(list),
    'tenants.dismissNotice': () => ok({ ...list, notice: null }),
    'tenants.verify': () =>
      ok({ ok: true, message: 'The US platform accepted the secrets of Acme (3 instances).' }),
  };
  const transport: Transport = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const answer = answers[channel];
      if (!answer)
        return {
          ok: false,
          error: { code: 'unknown_channel', message: `No answer scripted for ${channel}.` },
        };
      return answer(input);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  window.elementAuth = createApi(transport);
  return {
    answers,
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    push(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
