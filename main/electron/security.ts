// The Electron security checklist at session and web-contents level: deny every permission,
// refuse navigation and new windows, never attach webviews, and a CSP header on every response.
import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './csp';

/** devUrl: the Vite dev server in `npm run dev` (its page needs its origin, HMR and preamble); undefined when packaged. */
export function hardenSession(devUrl: string | undefined): void {
  const policy = devUrl ? devContentSecurityPolicy(devUrl) : CONTENT_SECURITY_POLICY;
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // The policy is csp.ts's constant; the security gate evaluates it where the build writes it, in index.html.
      /* eng-disable CSP_GLOBAL_CHECK */ responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
      },
    });
  });
}

/** Every web contents, present and future: no navigation away, no new windows, no webviews. */
export function hardenWebContents(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
