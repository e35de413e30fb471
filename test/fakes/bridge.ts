// A scripted window.elementAuth for renderer tests: the real createApi over an in-memory transport
// whose answers each test sets, with the calls it received and a way to push events.
import { createApi, type Transport } from '../../common/api';
import type { ChannelName, EventName, EventPayload, Result, TenantCheck } from '../../common/contract';

type Answer = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;
export type Answers = Partial<Record<ChannelName, Answer>>;

export interface FakeBridge {
  calls: { channel: ChannelName; input: unknown }[];
  answers: Answers;
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
  callsTo(channel: ChannelName): unknown[];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A tenant's check before its first verification. */
export const NOT_CHECKED: TenantCheck = { state: 'not-checked', checkedAt: null, message: null };

/** Installs window.elementAuth answering from `answers`; an unscripted channel answers unknown_channel. */
export function installScriptedBridge(answers: Answers): FakeBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
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
