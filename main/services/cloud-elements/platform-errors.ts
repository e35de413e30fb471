// Maps what the platform (or the network) did to a typed AppFailure with one human sentence,
// the HTTP status, the platform's requestId, message and providerMessage. Never includes headers or secrets.
import { Readable } from 'node:stream';
import { isAxiosError } from '../net/lazy-axios';
import type { ErrorCode } from '../../../common/contract';
import { AppFailure } from '../errors';
import { Redactor } from '../logging/redactor';

interface PlatformErrorBody {
  requestId?: unknown;
  message?: unknown;
  providerMessage?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

const MAX_PLATFORM_TEXT = 1000;

export interface FailureContext {
  host: string;
  /** How long the call waited in all, retries and pauses included, and how many times it asked. */
  waitedMs: number;
  tries: number;
  /** The most the client reads of one answer. */
  maxResponseBytes: number;
  /** What the request carried that must not come back in a message: tenant secrets, client secret, token, code. */
  secrets?: readonly string[];
}

/**
 * The platform's own words, made safe to show and print: cut short first (a megabyte of text costs no more
 * than a sentence), then a platform that echoes the request loses the secrets it echoed (and anything shaped
 * like a credential), and control characters become spaces.
 */
function platformText(value: unknown, redactor: Redactor): string | undefined {
  const said = text(value);
  if (said === undefined) return undefined;
  const head = redactor.redactHead(said, MAX_PLATFORM_TEXT);
  // Redaction may lengthen a short value to "[redacted]": the cut is made again after it.
  const shown = head.text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
  return head.cut || shown.length > MAX_PLATFORM_TEXT ? `${shown.slice(0, MAX_PLATFORM_TEXT)}…` : shown;
}

function byStatus(status: number, platformMessage: string | undefined): { code: ErrorCode; message: string } {
  const said = platformMessage ? ` The platform said: “${platformMessage}”` : '';
  if (status === 400)
    return { code: 'platform_bad_request', message: `The platform refused the request (400).${said}` };
  if (status === 401)
    return {
      code: 'platform_unauthorized',
      message:
        "The platform refused this tenant's organization or user secret (401): check that both are current.",
    };
  if (status === 403)
    return {
      code: 'platform_forbidden',
      message: `The platform does not allow this tenant to do that (403).${said}`,
    };
  if (status === 404)
    return { code: 'platform_not_found', message: `The platform could not find it (404).${said}` };
  if (status === 409)
    return { code: 'platform_conflict', message: `That already exists on the platform (409).${said}` };
  if (status === 415)
    return {
      code: 'platform_unsupported_media',
      message: 'The platform did not accept the request format (415).',
    };
  return {
    code: 'platform_server_error',
    message: `The platform had a problem (HTTP ${status}). Try again in a moment.${said}`,
  };
}

/** Retry-After (seconds or an HTTP date) as ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || !header.trim()) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; anything else ("-1", "soon") is not understood.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NO_ANSWER_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_BAD_RESPONSE']);

/** True when the answer was cut off at the client's size limit. */
export function isTooLarge(error: unknown): boolean {
  return (
    isAxiosError(error) && !error.response && /maxContentLength size of \d+ exceeded/.test(error.message)
  );
}

/** True when the request may have reached the platform but no answer came back. */
export function isNoAnswer(error: unknown): boolean {
  return (
    isAxiosError(error) &&
    !error.response &&
    (TIMEOUT_CODES.has(error.code ?? '') ||
      NO_ANSWER_CODES.has(error.code ?? '') ||
      /socket hang up/i.test(error.message))
  );
}

/** A size limit in words: "64 MB", "512 KB". */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

const MAX_ERROR_BODY = 64 * 1024;

/** A streamed body as a Node stream: Node's adapter gives one, the app's fetch-based transport a web stream. */
export function nodeStream(data: unknown): Readable {
  return data instanceof Readable ? data : Readable.fromWeb(data as import('node:stream/web').ReadableStream);
}

/**
 * A refusal to a streamed request carries its body as a stream: it is read here (at most 64 KB) and
 * parsed, so the failure can quote the platform's message and request id as for any other answer.
 */
export async function withErrorBodyRead(error: unknown): Promise<unknown> {
  const response = isAxiosError(error) ? error.response : undefined;
  const data: unknown = response?.data;
  if (!response || !(data instanceof Readable || data instanceof ReadableStream)) return error;
  const body = nodeStream(data);
  let text = '';
  try {
    for await (const chunk of body) {
      text += String(chunk);
      if (text.length > MAX_ERROR_BODY) break;
    }
    response.data = JSON.parse(text) as unknown;
  } catch {
    response.data = {};
  } finally {
    body.destroy();
  }
  return error;
}

/** A wait in words: "61 seconds", "1 second", "less than a second". */
export function waitedFor(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return 'less than a second';
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

export function toPlatformFailure(error: unknown, context: FailureContext): AppFailure {
  if (error instanceof AppFailure) return error;
  if (!isAxiosError(error))
    return new AppFailure('internal', 'Something went wrong while talking to the platform.');
  if (error.response) {
    const body = (error.response.data ?? {}) as PlatformErrorBody;
    const redactor = new Redactor();
    for (const secret of context.secrets ?? []) redactor.add(secret);
    const platformMessage = platformText(body.message, redactor);
    const { code, message } = byStatus(error.response.status, platformMessage);
    return new AppFailure(code, message, {
      status: error.response.status,
      requestId: platformText(body.requestId, redactor),
      platformMessage,
      providerMessage: platformText(body.providerMessage, redactor),
      retryAfterMs: retryAfterMs(error.response.headers?.['retry-after']),
    });
  }
  if (isTooLarge(error)) {
    return new AppFailure(
      'platform_server_error',
      `The platform at ${context.host} sent an answer larger than ${sizeText(context.maxResponseBytes)}, so the app stopped reading it.`,
    );
  }
  if (TIMEOUT_CODES.has(error.code ?? '')) {
    const tries = context.tries > 1 ? ` (asked ${context.tries} times)` : '';
    return new AppFailure(
      'timeout',
      `The platform at ${context.host} did not answer within ${waitedFor(context.waitedMs)}${tries}. Try again in a moment.`,
    );
  }
  return new AppFailure(
    'platform_unreachable',
    `Could not reach the platform at ${context.host}. Check the network and the tenant's environment.`,
  );
}
