// Tests of parseCallback, the one parser behind every callback door: exact matches only, every
// outcome of the union, and a fast-check property over random and hostile URLs (never throws).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCallback } from '../../../../../main/services/auth-flow/parse-callback';

const LOOPBACK = { callbackUrl: 'http://127.0.0.1:53682/oauth/callback' };
const HOSTED = { callbackUrl: 'https://auth.example.com/oauth' };
const PROTOCOL = { callbackUrl: 'element-auth://oauth/callback' };
const ZOHO = 'code=1000.abc.def&state=s-123&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu';

describe('parseCallback: what it accepts', () => {
  it('takes a Zoho code with state, location and accounts-server at the loopback URL', () => {
    expect(parseCallback(`http://127.0.0.1:53682/oauth/callback?${ZOHO}`, LOOPBACK)).toEqual({
      kind: 'code',
      code: '1000.abc.def',
      state: 's-123',
      location: 'eu',
      accountsServer: 'https://accounts.zoho.eu',
    });
  });

  it('takes the element-auth:// deep link whatever the flow callback URL is', () => {
    for (const expected of [LOOPBACK, HOSTED, PROTOCOL]) {
      expect(parseCallback(`element-auth://oauth/callback?code=c1&state=s1`, expected)).toEqual({
        kind: 'code',
        code: 'c1',
        state: 's1',
      });
    }
  });

  it('takes a pasted URL at the hosted callback, trimmed, with a fragment ignored', () => {
    expect(parseCallback(`  https://auth.example.com/oauth?code=c2&state=s2#_=_ \n`, HOSTED)).toMatchObject({
      kind: 'code',
      code: 'c2',
    });
  });

  it('reports a denial with the vendor error and description', () => {
    const url =
      'https://auth.example.com/oauth?error=access_denied&error_description=The+user+denied+access&state=s3';
    expect(parseCallback(url, HOSTED)).toEqual({
      kind: 'denied',
      error: 'access_denied',
      errorDescription: 'The user denied access',
      state: 's3',
    });
    expect(parseCallback('element-auth://oauth/callback?error=access_denied', HOSTED)).toEqual({
      kind: 'denied',
      error: 'access_denied',
    });
  });
});

describe('parseCallback: what it refuses', () => {
  const refused: Array<[string, string]> = [
    ['other port', 'http://127.0.0.1:53683/oauth/callback?code=c&state=s'],
    ['other path', 'http://127.0.0.1:53682/oauth/callback/?code=c&state=s'],
    ['other host', 'http://localhost:53682/oauth/callback?code=c&state=s'],
    ['other scheme', 'https://127.0.0.1:53682/oauth/callback?code=c&state=s'],
    ['user info', 'http://user:pw@127.0.0.1:53682/oauth/callback?code=c&state=s'],
    ['protocol with other host', 'element-auth://OAUTH/callback?code=c&state=s'],
    ['protocol with other path', 'element-auth://oauth/callback2?code=c&state=s'],
    ['no code', 'http://127.0.0.1:53682/oauth/callback?state=s'],
    ['no state', 'http://127.0.0.1:53682/oauth/callback?code=c'],
    ['empty code', 'http://127.0.0.1:53682/oauth/callback?code=&state=s'],
    ['two codes', 'http://127.0.0.1:53682/oauth/callback?code=a&code=b&state=s'],
    ['two states', 'http://127.0.0.1:53682/oauth/callback?code=a&state=s&state=t'],
    ['code and error', 'http://127.0.0.1:53682/oauth/callback?code=a&error=x&state=s'],
    ['code with a space', 'http://127.0.0.1:53682/oauth/callback?code=a%20b&state=s'],
    ['code with a quote', 'http://127.0.0.1:53682/oauth/callback?code=a%22b&state=s'],
    ['control character in error', 'http://127.0.0.1:53682/oauth/callback?error=a%00b'],
    ['hostile location', 'http://127.0.0.1:53682/oauth/callback?code=a&state=s&location=%3Cscript%3E'],
    ['not a URL', 'javascript:alert(1)'],
    ['relative', '/oauth/callback?code=a&state=s'],
    ['empty', ''],
    ['too long', `http://127.0.0.1:53682/oauth/callback?code=${'a'.repeat(9000)}&state=s`],
  ];
  it.each(refused)('refuses %s', (_label, url) => {
    expect(parseCallback(url, LOOPBACK).kind).toBe('invalid');
  });

  it('refuses non-strings without throwing', () => {
    for (const value of [undefined, null, 42, {}, ['http://127.0.0.1:53682/oauth/callback?code=a&state=s']]) {
      expect(parseCallback(value, LOOPBACK).kind).toBe('invalid');
    }
  });

  it('refuses everything but the deep link when the flow callback URL itself is malformed', () => {
    expect(
      parseCallback('https://auth.example.com/oauth?code=a&state=s', { callbackUrl: 'not a url' }).kind,
    ).toBe('invalid');
  });
});

describe('parseCallback: properties', () => {
  const expectedUrls = fc.constantFrom(LOOPBACK, HOSTED, PROTOCOL, {
    callbackUrl: 'http://localhost:8080/cb',
  });
  const hostile = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc
      .tuple(
        fc.constantFrom(
          'http://127.0.0.1:53682/oauth/callback',
          'element-auth://oauth/callback',
          'https://auth.example.com/oauth',
          'element-auth://oauth/callback/',
          'http://127.0.0.1:53682/oauth/Callback',
        ),
        fc.string({ unit: 'binary', maxLength: 200 }),
      )
      .map(([base, rest]) => `${base}?${rest}`),
  );

  it('never throws and always returns one of the three kinds', () => {
    fc.assert(
      fc.property(hostile, expectedUrls, (url, expected) => {
        const parsed = parseCallback(url, expected);
        expect(['code', 'denied', 'invalid']).toContain(parsed.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only URLs whose scheme, host, port and path match exactly (or the deep link)', () => {
    fc.assert(
      fc.property(hostile, expectedUrls, (url, expected) => {
        const parsed = parseCallback(url, expected);
        if (parsed.kind === 'invalid') return;
        const got = new URL(url.trim());
        const landing = `${got.protocol}//${got.host}${got.pathname}`;
        const want = new URL(expected.callbackUrl);
        expect([`${want.protocol}//${want.host}${want.pathname}`, 'element-auth://oauth/callback']).toContain(
          landing,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the code and state exactly as sent, so a wrong state can never pass as the right one', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9._~-]{1,60}$/);
    fc.assert(
      fc.property(token, token, (code, state) => {
        const url = `http://127.0.0.1:53682/oauth/callback?${new URLSearchParams({ code, state }).toString()}`;
        expect(parseCallback(url, LOOPBACK)).toEqual({ kind: 'code', code, state });
      }),
    );
  });

  it('refuses a landing one character off, unless URL normalisation makes it the very same', () => {
    const base = 'http://127.0.0.1:53682/oauth/callback';
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), fc.constantFrom('x', '/', '9', 'A'), (index, char) => {
        const mutated = `${base.slice(0, index)}${char}${base.slice(index + 1)}`;
        const parsed = parseCallback(`${mutated}?code=c&state=s`, LOOPBACK);
        const same = (() => {
          try {
            const url = new URL(mutated);
            return `${url.protocol}//${url.host}${url.pathname}` === base;
          } catch {
            return false;
          }
        })();
        expect(parsed.kind === 'code').toBe(same);
      }),
    );
  });
});
