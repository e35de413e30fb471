// HTTP plumbing of the fake platform: error type, JSON replies, body reading, header checks.
// Owns the platform's error shape and its Authorization / Content-Type rules.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export class PlatformError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly providerMessage?: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export interface Secrets {
  user: string;
  org: string;
}

const INVALID_SECRETS = 'Invalid Organization or User secret, or invalid Element token provided.';
const USER_ORG = /^\s*User\s+(\S+)\s*,\s*Organization\s+(\S+)\s*$/;
const USER_ORG_ELEMENT = /^\s*User\s+(\S+)\s*,\s*Organization\s+(\S+)\s*,\s*Element\s+(\S+)\s*$/;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Items per write of a streamed array: the size of one piece a server would flush. */
const ARRAY_PIECE = 250;

/**
 * A long JSON array sent as a server streams it (chunked, laid out a piece at a time while the client
 * reads), not built whole first: the same bytes as `sendJson`, without the fake's own pause before them.
 */
export async function sendJsonArray(res: ServerResponse, items: readonly unknown[]): Promise<void> {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
  for (let start = 0; start < items.length && !res.destroyed; start += ARRAY_PIECE) {
    const piece = JSON.stringify(items.slice(start, start + ARRAY_PIECE)).slice(1, -1);
    const text = `${start === 0 ? '[' : ','}${piece}`;
    if (!res.write(text)) await drainedOrClosed(res);
  }
  res.end(items.length === 0 ? '[]' : ']');
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function sendPlatformError(
  res: ServerResponse,
  error: PlatformError,
  headers: Record<string, string> = {},
): void {
  const body: Record<string, string> = { requestId: randomUUID(), message: error.message };
  if (error.providerMessage !== undefined) body.providerMessage = error.providerMessage;
  sendJson(res, error.status, body, headers);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The recorded form of a body: parsed JSON, else the raw text, else undefined. */
export function recordableBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function parseJsonBody(headers: IncomingHttpHeaders, raw: string): Record<string, unknown> {
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new PlatformError(415, 'Unsupported Media Type: Content-Type must be application/json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new PlatformError(400, 'Malformed JSON request body');
  }
  const record = asRecord(parsed);
  if (record === undefined) throw new PlatformError(400, 'Request body must be a JSON object');
  return record;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `Authorization: User <u>, Organization <o>` with the right secrets, else 401. */
export function requireUserOrg(headers: IncomingHttpHeaders, secrets: Secrets): void {
  const match = USER_ORG.exec(headers.authorization ?? '');
  if (match?.[1] !== secrets.user || match[2] !== secrets.org) {
    throw new PlatformError(401, INVALID_SECRETS);
  }
}

/** `Authorization: User <u>, Organization <o>, Element <token>`: returns the token, else 401. */
export function requireElementToken(headers: IncomingHttpHeaders, secrets: Secrets): string {
  const match = USER_ORG_ELEMENT.exec(headers.authorization ?? '');
  if (match?.[1] !== secrets.user || match[2] !== secrets.org || match[3] === undefined) {
    throw new PlatformError(401, INVALID_SECRETS);
  }
  return match[3];
}

export function invalidToken(): PlatformError {
  return new PlatformError(401, INVALID_SECRETS);
}
