// What the platform's answers must look like before anything reads them: zod schemas of the instance,
// the instance list, the OAuth URL and the ping, and the one sentence an answer of another shape becomes.
import { z } from '../../../common/zod';
import { AppFailure } from '../errors';

/** A field the app only shows: a value of the wrong type reads as absent instead of failing the answer. */
const shown = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/**
 * A JSON object, its keys and values taken as they are: what a record of string keys to unknown values
 * checks in a parsed answer, without walking (and copying) every key of every instance in a list.
 */
const JsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

/** Instance ids name keychain accounts and URLs: positive safe integers only, never "../../x". */
const InstanceId = z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER));

const InstanceAnswer = z.looseObject({
  id: InstanceId,
  name: z.string(),
  token: shown(z.string().check(z.minLength(1))),
  createdDate: shown(z.string()),
  element: shown(z.looseObject({ key: shown(z.string()), id: shown(z.number()) })),
  tags: shown(z.array(z.string())),
  valid: shown(z.boolean()),
  disabled: shown(z.boolean()),
  configuration: shown(JsonObject),
  providerData: shown(JsonObject),
});

/** An instance as the platform returns it, checked: at least an id and a name. */
export type PlatformInstance = z.infer<typeof InstanceAnswer>;

/** The answers the client reads, by what was asked. */
export const answers = {
  instance: InstanceAnswer,
  /** POST /instances must carry the new instance's token: it is what the flow keeps. */
  createdInstance: z.extend(InstanceAnswer, { token: z.string().check(z.minLength(1)) }),
  instances: z.array(InstanceAnswer),
  oauthUrl: z.looseObject({ oauthUrl: z.string().check(z.minLength(1)), element: shown(z.string()) }),
  ping: z.looseObject({ dateTime: shown(z.string()), endpoint: shown(z.string()) }),
  /** DELETE /instances/{id}: whatever the body, the status said it. */
  deleted: z.unknown(),
};

/** What each answer is, in the sentence that refuses it. */
const ASKED: Record<keyof typeof answers, string> = {
  instance: 'an instance',
  createdInstance: 'the created instance with its token',
  instances: 'the list of instances',
  oauthUrl: 'the authorization URL',
  ping: 'the heartbeat',
  deleted: 'the deletion',
};

/**
 * The answer parsed by its schema; another shape is one sentence with the request id (never a ZodError,
 * a stack or the answer itself, which may hold a token).
 */
export function parseAnswer<K extends keyof typeof answers>(
  kind: K,
  data: unknown,
  where: { host: string; requestId: string },
): z.infer<(typeof answers)[K]> {
  const parsed = answers[kind].safeParse(data);
  if (parsed.success) return parsed.data as z.infer<(typeof answers)[K]>;
  throw badAnswer(kind, where, parsed.error.issues[0]?.path.join('.'));
}

/** The sentence for an answer of another shape: what was asked, the field at fault, the request id. */
export function badAnswer(
  kind: keyof typeof answers,
  where: { host: string; requestId: string },
  field?: string,
): AppFailure {
  const what = field ? ` (the field "${field}" is missing or not what the platform API defines)` : '';
  const made =
    kind === 'createdInstance' ? ' The instance may exist all the same: look in the instances list.' : '';
  return new AppFailure(
    'platform_bad_answer',
    `The platform at ${where.host} sent ${ASKED[kind]} in a shape the app does not understand${what}, so it was not used (request ${where.requestId}).${made}`,
    { requestId: where.requestId },
  );
}
