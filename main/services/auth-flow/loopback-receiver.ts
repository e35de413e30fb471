// The loopback door: a one-shot HTTP listener on 127.0.0.1 or ::1 (both for localhost) at the callback
// URL's port and path. It answers the browser with a small self-contained page and closes after the first accepted hit.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppFailure } from '../errors';

export type LoopbackVerdict = { accepted: true; message: string } | { accepted: false; message: string };

export interface LoopbackReceiverOptions {
  /** http://127.0.0.1:PORT/path, http://localhost:PORT/path or http://[::1]:PORT/path */
  callbackUrl: string;
  /** Decides about a hit on the callback path; gets the full URL the browser asked for. */
  onCallback(url: string): LoopbackVerdict | Promise<LoopbackVerdict>;
  /** Closes by itself after this long without an accepted hit. */
  timeoutMs: number;
  onTimeout?(): void;
}

const PAGE_SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  connection: 'close',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A page with no external resources: a title, one sentence, nothing else. */
export function callbackPage(title: string, message: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element Authenticator</title>' +
    '<style>body{font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem;color:#222;text-align:center}' +
    'h1{font-size:1.4rem}</style></head><body>' +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`
  );
}

function answer(res: ServerResponse, status: number, title: string, message: string): Promise<void> {
  const html = callbackPage(title, message);
  return new Promise((resolve) => {
    res.writeHead(status, { ...PAGE_SECURITY_HEADERS, 'content-length': Buffer.byteLength(html) });
    res.end(html, () => resolve());
  });
}

const NO_IPV6 = Symbol('no IPv6 loopback');

async function listen(port: number, host: string): Promise<Server> {
  // node:http loads with the first loopback door, not with every CLI command.
  const { createServer } = await import('node:http');
  const server = createServer();
  return new Promise<Server>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (host === '::1' && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) {
        reject(NO_IPV6);
        return;
      }
      const busy = error.code === 'EADDRINUSE' || error.code === 'EACCES';
      reject(
        new AppFailure(
          'invalid_input',
          busy
            ? `Port ${port} on this computer is not available, so the app cannot receive the callback there. ` +
                'Close the program using it, or use another port (and register that callback URL with the OAuth app).'
            : `The app could not listen on ${host}:${port} for the callback.`,
        ),
      );
    });
    server.listen(port, host, () => resolve(server));
  });
}

export class LoopbackReceiver {
  private closed = false;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly servers: Server[],
    private readonly options: LoopbackReceiverOptions,
    private readonly target: URL,
  ) {
    this.timer = setTimeout(() => {
      if (this.closed) return;
      void this.close();
      options.onTimeout?.();
    }, options.timeoutMs);
    this.timer.unref();
    for (const server of servers) server.on('request', (req, res) => void this.handle(req, res));
  }

  /**
   * Starts listening; a port in use is an AppFailure that says what to do. A localhost callback is
   * heard on ::1 too (browsers may resolve localhost there), so no other program can take it on IPv6.
   */
  static async start(options: LoopbackReceiverOptions): Promise<LoopbackReceiver> {
    const target = new URL(options.callbackUrl);
    const port = Number(target.port);
    if (target.hostname === '[::1]') {
      const server = await listen(port, '::1').catch((error: unknown) => {
        if (error !== NO_IPV6) throw error;
        throw new AppFailure(
          'invalid_input',
          'This computer has no IPv6 loopback: use http://127.0.0.1:PORT/… as the callback URL.',
        );
      });
      return new LoopbackReceiver([server], options, target);
    }
    const servers = [await listen(port, '127.0.0.1')];
    if (target.hostname === 'localhost') {
      const ipv6 = await listen(port, '::1').catch(async (error: unknown) => {
        if (error === NO_IPV6) return undefined;
        await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
        throw error;
      });
      if (ipv6) servers.push(ipv6);
    }
    return new LoopbackReceiver(servers, options, target);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Stops listening; a page being sent is still delivered. Safe to call twice. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    clearTimeout(this.timer);
    return Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      ),
    ).then(() => undefined);
  }

  private expectedHost(host: string | undefined): boolean {
    const port = this.target.port;
    if (this.target.hostname === '[::1]') return host === `[::1]:${port}`;
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '';
    // A browser asks for a path; anything else (absolute form, another Host) is not our callback.
    if (!raw.startsWith('/') || raw.startsWith('//') || !this.expectedHost(req.headers.host)) {
      await answer(res, 400, 'Not here', 'This address only receives the sign-in callback.');
      return;
    }
    const url = new URL(raw, this.target.origin);
    if (url.pathname !== this.target.pathname) {
      await answer(res, 404, 'Not found', 'This address only receives the sign-in callback.');
      return;
    }
    if (req.method !== 'GET' || this.closed) {
      await answer(
        res,
        req.method !== 'GET' ? 405 : 410,
        'Not accepted',
        'This sign-in callback is no longer expected.',
      );
      return;
    }
    let verdict: LoopbackVerdict;
    try {
      verdict = await this.options.onCallback(url.toString());
    } catch {
      verdict = { accepted: false, message: 'The app could not take this sign-in. Go back to the app.' };
    }
    if (!verdict.accepted) {
      await answer(res, 400, 'This sign-in was not accepted', verdict.message);
      return;
    }
    const closing = this.close();
    await answer(res, 200, 'You can close this tab', verdict.message);
    await closing;
  }
}
