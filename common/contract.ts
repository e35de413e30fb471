// The one IPC contract between main and renderer: every channel with its zod schemas, the push
// events, and the one validation path. Domains live beside it (contract-*.ts); import from here.
import { z } from './zod';
import { channel, none, type AppError } from './contract-base';
import { activityChannels } from './contract-activity';
import { flowChannels, FlowViewSchema } from './contract-flow';
import { HealthProgressSchema, healthChannels } from './contract-health';
import { importChannels, queueChannels } from './contract-imports';
import { instanceChannels } from './contract-instances';
import { settingsChannels } from './contract-settings';
import { tenantChannels, TenantListSchema } from './contract-tenants';

export * from './contract-activity';
export * from './contract-base';
export * from './contract-flow';
export * from './contract-health';
export * from './contract-imports';
export * from './contract-instances';
export * from './contract-settings';
export * from './contract-tenants';

// ── app ─────────────────────────────────────────────────────────────────────────────────────
export const AppInfoSchema = z.object({ name: z.string(), version: z.string(), platform: z.string() });
export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});

const appChannels = {
  'app.info': channel(none, AppInfoSchema),
};

// ── The whole contract ──────────────────────────────────────────────────────────────────────
export const channels = {
  ...appChannels,
  ...tenantChannels,
  ...flowChannels,
  ...instanceChannels,
  ...activityChannels,
  ...settingsChannels,
  ...healthChannels,
  ...importChannels,
  ...queueChannels,
};
export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['input']>;
export type ChannelOutput<N extends ChannelName> = z.output<Channels[N]['output']>;

export const events = {
  'app.notice': NoticeSchema,
  'tenants.changed': TenantListSchema,
  'flow.changed': FlowViewSchema,
  'health.progress': HealthProgressSchema,
};
export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** A message this contract wrote for the user (a sentence), rather than one of zod's defaults. */
const isOwnSentence = (message: string) => /^[A-Z].*[.)]$/s.test(message);

/**
 * The first problem of an input as one sentence: the contract's own words ("Give the tenant a
 * name, …"), or "The request was not valid (path: zod's words)." for a malformed call.
 */
export function describeIssues(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  if (isOwnSentence(issue.message)) return issue.message;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `The request was not valid (${where}${issue.message}).`;
}

/**
 * The one validation path: a channel's raw input parsed by its schema. The router runs it for
 * every IPC call and the CLI for what it hands the services, which take parsed input only.
 */
export function parseChannelInput<N extends ChannelName>(
  name: N,
  raw: unknown,
): { ok: true; value: z.output<Channels[N]['input']> } | { ok: false; error: AppError } {
  const parsed = channels[name].input.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data as z.output<Channels[N]['input']> };
  return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
}

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

// ── Transport only (preload ↔ main, not in createApi) ─────────────────────────────────────────
/**
 * The preload invokes this with an event name once the page listens to that event; main holds each push
 * event until then, so a notice raised while the window loads (a link that started the app) is not lost.
 */
export const EVENT_LISTENING_CHANNEL = 'transport.listening';
