// The instance list read as a stream: each instance checked by the same schema as a whole list, a pause
// in the body limited like a silent answer, and every way the stream can break said in one sentence.
import type { Readable } from 'node:stream';
import { AppFailure } from '../errors';
import { jsonArrayItems, JsonStreamError } from './json-array-items';
import { answers, badAnswer, type PlatformInstance } from './platform-answers';
import { sizeText, waitedFor } from './platform-errors';

export interface StreamWhere {
  host: string;
  requestId: string;
  /** The most one instance may take (the client's answer limit). */
  maxItemBytes: number;
  /** The longest pause between two parts of the body. */
  idleMs: number;
}

class IdleBody extends Error {}

/** The body's chunks; a pause longer than `idleMs` while the reader waits ends it. */
async function* paced(body: Readable, idleMs: number): AsyncGenerator<Uint8Array | string> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array | string>;
  for (;;) {
    const timer = setTimeout(() => body.destroy(new IdleBody()), idleMs);
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } finally {
      clearTimeout(timer);
    }
    if (next.done) return;
    yield next.value;
  }
}

function streamFailure(error: unknown, where: StreamWhere): AppFailure {
  const at = `the platform at ${where.host}`;
  const request = `(request ${where.requestId})`;
  if (error instanceof AppFailure) return error;
  if (error instanceof IdleBody) {
    return new AppFailure(
      'timeout',
      `The list of instances from ${at} stopped for ${waitedFor(where.idleMs)} ${request}. Try again in a moment.`,
    );
  }
  if (error instanceof JsonStreamError && error.problem === 'item_too_large') {
    return new AppFailure(
      'platform_server_error',
      `The platform at ${where.host} sent an instance larger than ${sizeText(where.maxItemBytes)}, so the app stopped reading the list ${request}.`,
    );
  }
  if (error instanceof JsonStreamError && error.problem !== 'cut_short') return badAnswer('instances', where);
  return new AppFailure(
    'platform_unreachable',
    `The list of instances from ${at} broke off part way ${request}. Try again in a moment.`,
  );
}

/** The instances of a GET /instances body, each checked as it arrives; the body is closed at the end. */
export async function* checkedInstances(
  body: Readable,
  where: StreamWhere,
): AsyncGenerator<PlatformInstance> {
  let index = 0;
  try {
    for await (const item of jsonArrayItems(paced(body, where.idleMs), where.maxItemBytes)) {
      const parsed = answers.instance.safeParse(item);
      if (!parsed.success)
        throw badAnswer('instances', where, [index, ...parsed.error.issues[0]!.path].join('.'));
      index += 1;
      yield parsed.data;
    }
  } catch (error) {
    throw streamFailure(error, where);
  } finally {
    body.destroy();
  }
}
