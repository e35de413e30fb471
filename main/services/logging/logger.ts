// The Logger port's implementation: formats a message and its details into one line, passes the whole line
// through the Redactor, and only then hands it to a sink (electron-log's file in the app, a file in tests).
import type { Logger } from '../ports';
import { isSecretField } from './redaction-patterns';
import type { Redactor } from './redactor';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Where redacted lines go. It never sees a line before redaction. */
export interface LogSink {
  write(level: LogLevel, line: string): void;
}

export interface LoggerOptions {
  sink: LogSink;
  redactor: Redactor;
  /** The lowest level written; debug writes everything. */
  level?: LogLevel;
  /** Longer lines are cut after redaction, so a cut never leaves part of a secret behind. */
  maxLineLength?: number;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in RANK;
}

const MAX_DEPTH = 6;

/** A JSON-safe copy of the details: errors by name/message/code/stack only (never an HTTP client's config). */
function plain(value: unknown, redactor: Redactor, seen: WeakSet<object>, depth: number, key = ''): unknown {
  if (typeof value === 'string') {
    // A secret-named field teaches the redactor its value, so the same value is hidden wherever it reappears.
    if (key && isSecretField(key, value)) redactor.add(value);
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const error = value as Error & { code?: unknown; status?: unknown };
    return plain(
      {
        name: error.name,
        message: error.message,
        code: error.code,
        status: error.status,
        stack: error.stack,
        cause: error.cause,
      },
      redactor,
      seen,
      depth + 1,
    );
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof URL) return value.href;
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (value instanceof Map) return plain(Object.fromEntries(value), redactor, seen, depth + 1);
  if (value instanceof Set) return plain([...value], redactor, seen, depth + 1);
  if (Array.isArray(value)) return value.map((item) => plain(item, redactor, seen, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const converted = plain(item, redactor, seen, depth + 1, name);
    if (converted !== undefined) copy[name] = converted;
  }
  return copy;
}

/** The line as it is logged: the message, then the details as JSON, redacted as a whole. */
export function formatLine(redactor: Redactor, message: string, meta?: Record<string, unknown>): string {
  const details = meta === undefined ? undefined : plain(meta, redactor, new WeakSet(), 0);
  const hasDetails = details !== undefined && Object.keys(details as object).length > 0;
  return redactor.redact(hasDetails ? `${message} ${JSON.stringify(details)}` : message);
}

export function createLogger({
  sink,
  redactor,
  level = 'info',
  maxLineLength = 16_000,
}: LoggerOptions): Logger {
  const write = (at: LogLevel) => (message: string, meta?: Record<string, unknown>) => {
    if (RANK[at] < RANK[level]) return;
    let line: string;
    try {
      line = formatLine(redactor, String(message), meta);
    } catch {
      line = redactor.redact(String(message));
    }
    sink.write(at, line.length > maxLineLength ? `${line.slice(0, maxLineLength)}… [cut]` : line);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    hide: (secret) => redactor.add(secret),
  };
}
