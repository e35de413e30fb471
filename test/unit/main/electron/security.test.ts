// The Electron handlers of main/electron/security.ts, driven through a stand-in for the electron module:
// every permission is denied, the CSP header is set, navigation away and new windows are refused.
import { EventEmitter } from 'node:events';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../../../main/electron/csp';

type Handler = (...args: never[]) => unknown;
const electron = vi.hoisted(() => ({ handlers: {} as Record<string, Handler>, app: undefined as unknown }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { handlers } = electron;
  electron.app = new Emitter();
  const defaultSession = {
    setPermissionRequestHandler: (fn: Handler) => void (handlers.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Handler) => void (handlers.permissionCheck = fn),
    webRequest: { onHeadersReceived: (fn: Handler) => void (handlers.headers = fn) },
  };
  return { app: electron.app, session: { defaultSession } };
});

const { hardenSession, hardenWebContents } = await import('../../../../main/electron/security');
const app = electron.app as EventEmitter;

const APP_URL = 'file:///opt/Element%20Authenticator/resources/app.asar/out/renderer/index.html';
const isAppUrl = (url: string) => url === APP_URL || url.startsWith(`${APP_URL}#`);

function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits a navigation event the way Electron does and says whether the app refused it. */
  refuses(eventName: string, url: string): boolean {
    const event = fakeEvent();
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
}

/** The CSP header main adds to a response. */
function cspHeader(): string[] | undefined {
  let answer: { responseHeaders?: Record<string, string[]> } = {};
  (electron.handlers.headers as (d: unknown, cb: (r: typeof answer) => void) => void)(
    { responseHeaders: { 'Content-Type': ['text/html'] } },
    (response) => (answer = response),
  );
  expect(answer.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  return answer.responseHeaders?.['Content-Security-Policy'];
}

describe('hardenSession', () => {
  beforeAll(() => hardenSession(undefined));

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen'])(
    'denies the %s permission request',
    (permission) => {
      const answers: boolean[] = [];
      (electron.handlers.permissionRequest as (w: unknown, p: string, cb: (ok: boolean) => void) => void)(
        {},
        permission,
        (granted) => answers.push(granted),
      );
      expect(answers).toEqual([false]);
      expect((electron.handlers.permissionCheck as (w: unknown, p: string) => boolean)({}, permission)).toBe(
        false,
      );
    },
  );

  it('sends the app CSP with every response and keeps the other headers', () => {
    expect(cspHeader()).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('hardenSession in development (npm run dev)', () => {
  afterAll(() => hardenSession(undefined));

  it('sends the dev server’s policy, so its page can run, and only while a dev server is used', () => {
    hardenSession('http://localhost:5173');
    expect(cspHeader()).toEqual([devContentSecurityPolicy('http://localhost:5173')]);
    expect(cspHeader()![0]).not.toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('hardenWebContents', () => {
  const contents = new FakeWebContents();
  beforeAll(() => {
    hardenWebContents(isAppUrl);
    app.emit('web-contents-created', {}, contents);
  });

  it('lets the app navigate within itself', () => {
    expect(contents.refuses('will-navigate', `${APP_URL}#/instances`)).toBe(false);
    expect(contents.refuses('will-redirect', APP_URL)).toBe(false);
  });

  it.each([
    'https://accounts.zoho.com/oauth/v2/auth?client_id=x',
    'http://127.0.0.1:8123/callback?code=x',
    'file:///etc/passwd',
    'element-auth://oauth/callback?code=x',
    'javascript:alert(1)',
  ])('refuses navigation and redirects to %s', (url) => {
    expect(contents.refuses('will-navigate', url)).toBe(true);
    expect(contents.refuses('will-redirect', url)).toBe(true);
  });

  it('refuses every new window, even one for the app itself', () => {
    for (const url of ['https://example.com/', APP_URL, 'about:blank']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach webviews', () => {
    expect(contents.refuses('will-attach-webview', '')).toBe(true);
  });
});
