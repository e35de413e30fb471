// The router: channel → handler over services, with zod validation of every payload and the
// { ok, value } | { ok: false, error } envelope. No electron import: tests and e2e call it directly.
import type { z } from '../../common/zod';
import {
  channels,
  isChannelName,
  parseChannelInput,
  type ChannelName,
  type Channels,
  type Result,
} from '../../common/contract';
import { AppFailure } from '../services/errors';
import type { Logger } from '../services/ports';

type HandlerInput<N extends ChannelName> = z.output<Channels[N]['input']>;
type HandlerOutput<N extends ChannelName> = z.input<Channels[N]['output']>;
export type Handler<N extends ChannelName> = (
  input: HandlerInput<N>,
) => Promise<HandlerOutput<N>> | HandlerOutput<N>;
export type Handlers = { [N in ChannelName]: Handler<N> };
/** The handlers of one domain, e.g. DomainHandlers<'flow'> for every 'flow.*' channel. */
export type DomainHandlers<D extends string> = {
  [N in ChannelName as N extends `${D}.${string}` ? N : never]: Handler<N>;
};

export interface Router {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
}

export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async invoke(channel, input) {
      if (!isChannelName(channel)) {
        return {
          ok: false,
          error: { code: 'unknown_channel', message: 'The app asked for something that does not exist.' },
        };
      }
      const parsed = parseChannelInput(channel, input);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[channel] as (value: unknown) => unknown;
        const value = await handler(parsed.value);
        // Parsing the output strips every field the contract does not name: nothing extra reaches the renderer.
        return { ok: true, value: channels[channel].output.parse(value) };
      } catch (error) {
        if (error instanceof AppFailure) return { ok: false, error: error.toAppError() };
        log.error(`Unexpected failure on ${channel}`, {
          error: error instanceof Error ? error.name : typeof error,
        });
        return {
          ok: false,
          error: { code: 'internal', message: 'Something went wrong inside the app. Please try again.' },
        };
      }
    },
  };
}
