// A scripted window.elementAuth for stepper tests: the real createApi over an in-memory transport
// whose answers each test sets, with the calls it received and a way to push events.
import { createApi, type Transport } from '../../../preload/api';
import {
  ElementPresetSchema,
  type ChannelName,
  type EventName,
  type EventPayload,
  type FlowView,
  type Result,
  type TenantList,
} from '../../../preload/contract';
import { ELEMENT_PRESETS } from '../../../main/services/elements/element-presets';

type Answer = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface FakeBridge {
  calls: { channel: ChannelName; input: unknown }[];
  answers: Partial<Record<ChannelName, Answer>>;
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  callsTo(channel: ChannelName): unknown[];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const ACME: TenantList = {
  tenants: [
    {
      id: 't-acme',
      name: 'Acme Corp',
      environment: 'us',
      baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
      color: null,
      orgSecretHint: '••••-org',
      userSecretHint: '••••user',
    },
  ],
  activeTenantId: 't-acme',
  oauthApps: [],
  notice: null,
};

export const flowBase = {
  flowId: 'f-1',
  tenantId: 't-acme',
  tenantName: 'Acme Corp',
  instanceName: 'Acme CRM',
};

/** Installs the fake as window.elementAuth: an active tenant, the real presets, an idle flow. */
export function installFakeBridge(initialView: FlowView = { step: 'idle' }): FakeBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  const answers: FakeBridge['answers'] = {
    'tenants.list': () => ok(ACME),
    'flow.get': () => ok(initialView),
    'flow.presets': () => ok(ELEMENT_PRESETS.map((preset) => ElementPresetSchema.parse(preset))),
    'app.info': () => ok({ name: 'Element Authenticator', version: 'test', platform: 'linux' }),
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
    calls,
    answers,
    push(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
  };
}
