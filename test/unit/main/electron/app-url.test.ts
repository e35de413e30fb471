// The app-URL check behind navigation and the IPC sender check: only app://renderer/index.html (or the dev
// server's origin) is the app; look-alike files, hosts, paths and credentials are not.
import fc from 'fast-check';
import { createAppUrlCheck } from '../../../../main/electron/app-url';
import { RENDERER_URL } from '../../../../main/electron/app-protocol';

describe('createAppUrlCheck, packaged (app://)', () => {
  const isAppUrl = createAppUrlCheck(undefined);

  it('accepts the renderer page, with or without a query or fragment', () => {
    expect(RENDERER_URL).toBe('app://renderer/index.html');
    expect(isAppUrl(RENDERER_URL)).toBe(true);
    expect(isAppUrl(`${RENDERER_URL}#/instances`)).toBe(true);
    expect(isAppUrl(`${RENDERER_URL}?tenant=acme`)).toBe(true);
  });

  it.each([
    [
      'the built file on disk, as file://',
      'file:///opt/Element%20Authenticator/resources/app.asar/out/renderer/index.html',
    ],
    [
      'a Windows drive path in any case',
      'file:///c:/Program%20Files/Element/resources/app.asar/out/renderer/index.html',
    ],
    ['a sibling page', 'app://renderer/other.html'],
    ['an encoded look-alike path', 'app://renderer/%69ndex.html'],
    ['a parent path', 'app://renderer/assets/../index.html/..'],
    ['another host', 'app://evil/index.html'],
    ['credentials', 'app://user:pw@renderer/index.html'],
    ['https', 'https://renderer/index.html'],
    ['a dev server', 'http://localhost:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['about:blank', 'about:blank'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses every web URL', () => {
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
  const isAppUrl = createAppUrlCheck('http://localhost:5173');

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
    RENDERER_URL,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a dev URL it cannot use', () => {
    expect(() => createAppUrlCheck('not a url')).toThrow(/dev server URL/);
  });
});
