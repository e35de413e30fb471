// The app-URL check behind navigation and the IPC sender check: only the built renderer file (or the dev
// server's origin) is the app; look-alike files, hosts and credentials are not.
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { createAppUrlCheck } from '../../../../main/electron/app-url';

const rendererFile =
  '/Applications/Element Authenticator.app/Contents/Resources/app.asar/out/renderer/index.html';
const appUrl = pathToFileURL(rendererFile).href;

describe('createAppUrlCheck, packaged (file://)', () => {
  const isAppUrl = createAppUrlCheck({ devUrl: undefined, rendererFile });

  it('accepts the renderer file, with or without a query or fragment', () => {
    expect(appUrl).toContain('Element%20Authenticator.app');
    expect(isAppUrl(appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}#/instances`)).toBe(true);
    expect(isAppUrl(`${appUrl}?tenant=acme`)).toBe(true);
  });

  it.each([
    ['another renderer/index.html on disk', 'file:///tmp/evil/out/renderer/index.html'],
    ['a sibling file', appUrl.replace('index.html', 'other.html')],
    ['a file on a network host', appUrl.replace('file://', 'file://evil.example')],
    ['https', 'https://example.com/out/renderer/index.html'],
    ['a dev server', 'http://localhost:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['about:blank', 'about:blank'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses every URL that is not the renderer file', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()),
        (url) => {
          expect(isAppUrl(url)).toBe(false);
        },
      ),
    );
  });
});

describe('createAppUrlCheck, development (dev server)', () => {
  const isAppUrl = createAppUrlCheck({ devUrl: 'http://localhost:5173', rendererFile });

  it('accepts any page of the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html#/tenants')).toBe(true);
  });

  it.each([
    'http://localhost:5173.evil.example/',
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://user:pw@localhost:5173/',
    'http://evil.example/?http://localhost:5173',
    appUrl,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a dev URL it cannot use', () => {
    expect(() => createAppUrlCheck({ devUrl: 'not a url', rendererFile })).toThrow(/dev server URL/);
  });
});
