// The Logger: every level passes the one redaction step before its sink, details are serialised safely
// (errors without their HTTP config), secret-named details teach the redactor, and long lines are cut after redaction.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSink } from '../../../../../main/services/logging/file-sink';
import { createLogger, isLogLevel, type LogLevel } from '../../../../../main/services/logging/logger';
import { REDACTED } from '../../../../../main/services/logging/redaction-patterns';
import { Redactor } from '../../../../../main/services/logging/redactor';

function capture(level: LogLevel = 'debug', maxLineLength?: number) {
  const lines: Array<[LogLevel, string]> = [];
  const redactor = new Redactor();
  const log = createLogger({
    sink: { write: (at, line) => void lines.push([at, line]) },
    redactor,
    level,
    maxLineLength,
  });
  return { lines, redactor, log, text: () => lines.map(([, line]) => line).join('\n') };
}

describe('createLogger', () => {
  it('redacts every level before the sink sees the line', () => {
    const { log, redactor, lines } = capture();
    redactor.add('org-secret-123');
    log.debug('debug org-secret-123');
    log.info('info', { header: 'Authorization: User u-1, Organization org-secret-123' });
    log.warn('warn', { url: 'https://x.test/cb?code=grant-1&state=s' });
    log.error('error', { refresh_token: 'rt-1' });
    expect(lines).toEqual([
      ['debug', `debug ${REDACTED}`],
      ['info', `info {"header":"Authorization: ${REDACTED}"}`],
      ['warn', `warn {"url":"https://x.test/cb?code=${REDACTED}&state=s"}`],
      ['error', `error {"refresh_token":"${REDACTED}"}`],
    ]);
  });

  it('hides a value it was handed from every later line, where no pattern would', () => {
    const { log, text } = capture();
    log.hide('typed-client-secret-7Q2');
    log.info('careless free text typed-client-secret-7Q2 here');
    expect(text()).toBe(`careless free text ${REDACTED} here`);
  });

  it('writes from its level up', () => {
    const { log, lines } = capture('warn');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines.map(([level]) => level)).toEqual(['warn', 'error']);
    expect([isLogLevel('debug'), isLogLevel('verbose'), isLogLevel(undefined)]).toEqual([true, false, false]);
  });

  it('learns the values of secret-named details, so they are hidden wherever they turn up later', () => {
    const { log, text } = capture();
    log.debug('Flow started', { clientSecret: 'typed-in-client-secret', apiKey: 'client-id-1' });
    log.info('Browser opened https://accounts.test/auth?x=typed-in-client-secret and client-id-1');
    expect(text()).not.toContain('typed-in-client-secret');
    expect(text()).toContain('client-id-1');
  });

  it('never learns an error code as a secret', () => {
    const { log, text } = capture();
    log.warn('Failed', { code: 'keychain_unavailable' });
    log.warn('Still keychain_unavailable');
    expect(text()).toBe('Failed {"code":"keychain_unavailable"}\nStill keychain_unavailable');
  });

  it('serialises errors by name, message, code and stack, never an HTTP client config with its headers', () => {
    const { log, text } = capture();
    const error = Object.assign(new Error('Request failed with status code 401'), {
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      config: { headers: { Authorization: 'User raw-user, Organization raw-org' }, data: '{"code":"x"}' },
      cause: new Error('inner cause'),
    });
    log.error('Platform call failed', { error });
    const line = text();
    expect(line).toContain('"name":"AxiosError"');
    expect(line).toContain('"message":"Request failed with status code 401"');
    expect(line).toContain('"code":"ERR_BAD_REQUEST"');
    expect(line).toContain('inner cause');
    expect(line).toContain('at ');
    expect(line).not.toMatch(/raw-user|raw-org|config|headers/);
  });

  it('survives circular, deep and odd details', () => {
    const { log, text } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.info('odd', {
      loop,
      big: 10n,
      when: new Date(0),
      url: new URL('https://x.test/a'),
      bytes: new Uint8Array(3),
      fn: () => 1,
      deep: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } },
    });
    expect(text()).toBe(
      'odd {"loop":{"name":"loop","self":"[circular]"},"big":"10","when":"1970-01-01T00:00:00.000Z",' +
        '"url":"https://x.test/a","bytes":"[3 bytes]","deep":{"a":{"b":{"c":{"d":{"e":"[…]"}}}}}}',
    );
  });

  it('cuts a long line only after redaction, so no part of a secret survives the cut', () => {
    const { log, redactor, text } = capture('debug', 40);
    const secret = 'S'.repeat(30);
    redactor.add(secret);
    log.info(`${'x'.repeat(25)}${secret}${'y'.repeat(100)}`);
    expect(text()).toBe(`${'x'.repeat(25)}${REDACTED}${'y'.repeat(5)}… [cut]`);
  });
});

describe('FileSink', () => {
  it('appends timestamped lines to a file only its owner can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'element-auth-log-'));
    try {
      const sink = new FileSink(join(dir, 'logs', 'main.log'), { now: () => Date.UTC(2024, 4, 17, 9, 30) });
      sink.write('info', 'first');
      sink.write('error', 'second');
      expect(readFileSync(sink.path, 'utf8')).toBe(
        '[2024-05-17T09:30:00.000Z] [info] first\n[2024-05-17T09:30:00.000Z] [error] second\n',
      );
      if (process.platform !== 'win32') expect(statSync(sink.path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
