// Deep links: only element-auth://oauth/callback reaches the flow; links that arrive before the flow is
// ready (open-url, argv, a second instance) are kept in order and handed over once it attaches.
import fc from 'fast-check';
import { DeepLinkBuffer } from '../../../../main/electron/deep-link-buffer';
import { isAppCallbackLink } from '../../../../common/urls';

const CALLBACK =
  'element-auth://oauth/callback?code=1000.abc&state=s-1&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu';

describe('isAppCallbackLink', () => {
  it.each([
    'element-auth://oauth/callback',
    CALLBACK,
    'element-auth://oauth/callback?error=access_denied&state=s-1',
    'element-auth://oauth/callback#fragment',
  ])('takes %s', (link) => {
    expect(isAppCallbackLink(link)).toBe(true);
  });

  it.each([
    ['another host', 'element-auth://evil/callback?code=x'],
    ['another path', 'element-auth://oauth/other?code=x'],
    ['a longer path', 'element-auth://oauth/callback/extra?code=x'],
    ['a look-alike path', 'element-auth://oauth/callbackx?code=x'],
    ['credentials', 'element-auth://user:pw@oauth/callback?code=x'],
    ['a port', 'element-auth://oauth:80/callback?code=x'],
    ['no slashes', 'element-auth:oauth/callback?code=x'],
    ['another scheme', 'https://oauth/callback?code=x'],
    ['a look-alike scheme', 'element-auth-evil://oauth/callback?code=x'],
    ['javascript:', 'javascript:alert(1)//element-auth://oauth/callback'],
    ['file:', 'file:///element-auth://oauth/callback'],
    ['a command-line flag', '--element-auth://oauth/callback'],
    ['an over-long link', `${CALLBACK}&pad=${'x'.repeat(9000)}`],
  ])('ignores %s', (_what, link) => {
    expect(isAppCallbackLink(link)).toBe(false);
  });

  it('ignores values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['element-auth://oauth/callback'], new URL(CALLBACK)]) {
      expect(isAppCallbackLink(value)).toBe(false);
    }
  });

  it('ignores every link of another scheme, host or path (any URL)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https', 'http', 'element-auth', 'file', 'ftp'] }), (url) => {
        const parsed = new URL(url);
        fc.pre(
          !(
            parsed.protocol === 'element-auth:' &&
            parsed.host === 'oauth' &&
            parsed.pathname === '/callback'
          ),
        );
        expect(isAppCallbackLink(url)).toBe(false);
      }),
    );
  });
});

describe('DeepLinkBuffer', () => {
  it('keeps callbacks that arrive before the flow attaches, in order, and hands them over on attach', () => {
    const buffer = new DeepLinkBuffer();
    buffer.push(`${CALLBACK}&n=1`);
    buffer.pushArgv(['/opt/Element Authenticator/element-authenticator', '--no-sandbox', `${CALLBACK}&n=2`]);
    const received: string[] = [];
    buffer.attach((url) => received.push(url));
    expect(received).toEqual([`${CALLBACK}&n=1`, `${CALLBACK}&n=2`]);
  });

  it('hands callbacks straight to the flow once attached, and only once each', () => {
    const buffer = new DeepLinkBuffer();
    const received: string[] = [];
    buffer.attach((url) => received.push(url));
    buffer.push(CALLBACK);
    expect(received).toEqual([CALLBACK]);
    buffer.attach((url) => received.push(`again ${url}`));
    expect(received).toEqual([CALLBACK]);
  });

  it('ignores other links, before and after attaching', () => {
    const buffer = new DeepLinkBuffer();
    const others = [
      'element-auth://settings/reset',
      'element-auth://oauth/callback/../../settings',
      'https://example.com/?next=element-auth://oauth/callback',
      'C:\\Program Files\\Element Authenticator\\Element Authenticator.exe',
      '--allow-file-access-from-files',
    ];
    buffer.pushArgv(others);
    const received: string[] = [];
    buffer.attach((url) => received.push(url));
    for (const link of others) buffer.push(link);
    buffer.pushArgv(['--inspect', 'element-auth://evil/callback?code=x']);
    expect(received).toEqual([]);
  });

  it('passes on nothing but OAuth callback links, whatever arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.webUrl(), fc.constant(CALLBACK))), (argv) => {
        const buffer = new DeepLinkBuffer();
        buffer.pushArgv(argv);
        const received: string[] = [];
        buffer.attach((url) => received.push(url));
        expect(received).toEqual(argv.filter((arg) => arg === CALLBACK || isAppCallbackLink(arg)));
        expect(received.every((url) => url.startsWith('element-auth://oauth/callback'))).toBe(true);
      }),
    );
  });
});
