// The network rule behind openExternal and every platform URL: https anywhere, plain http only to this
// computer, nothing else; property-tested against schemes, look-alike hosts and userinfo tricks.
import fc from 'fast-check';
import { AppFailure } from '../../../../../main/services/errors';
import { assertSafeRemoteUrl } from '../../../../../main/services/net/safe-url';
import { isLoopbackHost, isSafeRemoteUrl } from '../../../../../common/urls';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const path = fc.webPath();
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const withPort = (host: string, p: number | undefined) => (p === undefined ? host : `${host}:${p}`);
/** Hosts on the internet: domains and IPv4 addresses outside 127.0.0.0/8. */
const remoteHost = fc.oneof(
  fc.domain().filter((domain) => !isLoopbackHost(domain)),
  fc.ipV4().filter((ip) => !ip.startsWith('127.')),
);

describe('isSafeRemoteUrl', () => {
  it('accepts every https URL without credentials', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }),
        (url) => {
          fc.pre(!new URL(url).username && !new URL(url).password);
          expect(isSafeRemoteUrl(url)).toBe(true);
        },
      ),
    );
  });

  it('accepts plain http to loopback on any port and path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOOPBACK),
        fc.ipV4().map((ip) => `127.${ip.split('.').slice(1).join('.')}`),
        port,
        path,
        (named, numeric, p, rest) => {
          expect(isSafeRemoteUrl(`http://${withPort(named, p)}${rest}`)).toBe(true);
          expect(isSafeRemoteUrl(`http://${withPort(numeric, p)}${rest}`)).toBe(true);
        },
      ),
    );
  });

  it('refuses plain http to any other host', () => {
    fc.assert(
      fc.property(remoteHost, port, path, (host, p, rest) => {
        expect(isSafeRemoteUrl(`http://${withPort(host, p)}${rest}`)).toBe(false);
      }),
    );
  });

  it('refuses hosts that only look like loopback', () => {
    fc.assert(
      fc.property(fc.constantFrom('127.0.0.1', 'localhost'), fc.domain(), port, (loopback, domain, p) => {
        expect(isSafeRemoteUrl(`http://${withPort(`${loopback}.${domain}`, p)}/`)).toBe(false);
        expect(isSafeRemoteUrl(`http://${withPort(`${domain}.${loopback}`, p)}/`)).toBe(false);
      }),
    );
  });

  it('refuses credentials in the URL, including userinfo that fakes the host', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.constantFrom(...LOOPBACK, 'example.com'),
        fc.webSegment().filter((s) => s.length > 0),
        (scheme, host, user) => {
          expect(isSafeRemoteUrl(`${scheme}://${encodeURIComponent(user)}@${host}/`)).toBe(false);
          expect(isSafeRemoteUrl(`${scheme}://${encodeURIComponent(user)}:pw@${host}/`)).toBe(false);
        },
      ),
    );
    expect(isSafeRemoteUrl('http://127.0.0.1@evil.example/')).toBe(false);
    expect(isSafeRemoteUrl('http://127.0.0.1:80@evil.example/')).toBe(false);
    expect(isSafeRemoteUrl('https://accounts.zoho.com@evil.example/')).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'file://127.0.0.1/etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'ftp://127.0.0.1/file',
    'ftp://example.com/file',
    'ws://127.0.0.1:8080/',
    'wss://example.com/',
    'blob:https://example.com/uuid',
    'about:blank',
    'chrome://settings',
    'element-auth://oauth/callback?code=x',
    'ms-settings:privacy',
    'smb://server/share',
    'mailto:someone@example.com',
    '//example.com/path',
    'example.com',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeRemoteUrl(url)).toBe(false);
  });

  it('never lets anything but https, or http to loopback, through (any string)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (value) => {
        if (!isSafeRemoteUrl(value)) return;
        const url = new URL(value);
        expect(url.username + url.password).toBe('');
        expect(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('assertSafeRemoteUrl', () => {
  it('returns the parsed URL when it is safe', () => {
    expect(
      assertSafeRemoteUrl('https://api.cloud-elements.com/elements/api-v2', 'The platform URL').host,
    ).toBe('api.cloud-elements.com');
  });

  it('throws an insecure_url AppFailure naming what was wrong', () => {
    const failure = (() => {
      try {
        assertSafeRemoteUrl('http://api.example.com', 'The platform URL');
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(AppFailure);
    expect(failure).toMatchObject({ code: 'insecure_url' });
    expect((failure as Error).message).toMatch(/^Plain http is only for this computer/);
  });
});
