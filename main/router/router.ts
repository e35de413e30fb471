// The router: channel → handler over services, with zod validation of every payload and the
// { ok, value } | { ok: false, error } envelope. No electron import: tests and e2e call it directly.
import type { z } from 'zod';
import { channels, isChannelName, type ChannelName, type Channels, type Result } from '../../common/contract';
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

function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `The request was not valid (${where}${issue.message}).`;
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
      const spec = channels[channel];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
      }
      try {
        const handler = handlers[channel] as (value: unknown) => unknown;
        const value = await handler(parsed.data);
        // Parsing the output strips every field the contract does not name: nothing extra reaches the renderer.
        return { ok: true, value: spec.output.parse(value) };
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
