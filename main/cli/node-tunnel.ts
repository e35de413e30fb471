// The CLI's CONNECT tunnel through a proxy, and the issuer a host's certificate shows on a route: loaded
// by the Node transport only when a call needs a proxy or an untrusted certificate is explained.
import type { ClientRequest } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { HttpsProxyAgent, type HttpsProxyAgentOptions } from 'https-proxy-agent';
import { shownProxy } from '../services/net/proxy-rules';
import { ProxyRefusedError } from '../services/net/transport-errors';

type AgentConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];

/** A CONNECT tunnel that fails plainly when the proxy answers with anything but 200 (a redirect, a login page, 407). */
export class TunnelAgent extends HttpsProxyAgent<string> {
  private readonly shown: string;

  constructor(proxy: URL, options?: HttpsProxyAgentOptions<string>) {
    super(proxy.href, options);
    this.shown = shownProxy(proxy);
  }

  override async connect(req: ClientRequest, opts: AgentConnectOpts): Promise<Socket> {
    let refused: { statusCode: number; headers: Record<string, string | string[] | undefined> } | undefined;
    req.once('proxyConnect', (answer: NonNullable<typeof refused>) => {
      if (answer.statusCode !== 200) refused = answer;
    });
    const socket = await super.connect(req, opts);
    if (!refused) return socket;
    socket.destroy();
    const location = refused.headers.location;
    throw new ProxyRefusedError(this.shown, refused.statusCode, shownLocation(location));
  }
}

/** Where a proxy redirected to, without its query (a login page may carry session data). */
function shownLocation(location: string | string[] | undefined): string | undefined {
  const value = Array.isArray(location) ? location[0] : location;
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** The issuer of the certificate `origin` presents on this route, read without sending any request. */
export function presentedIssuer(origin: URL, proxy: URL | null): Promise<string | undefined> {
  return new Promise((resolve) => {
    const agent = proxy ? new TunnelAgent(proxy, { rejectUnauthorized: false }) : undefined;
    const request = https.request({
      host: origin.hostname.replace(/^\[|\]$/g, ''),
      port: origin.port || 443,
      method: 'HEAD',
      path: '/',
      agent,
      rejectUnauthorized: false,
      timeout: 5_000,
    });
    const done = (issuer?: string) => {
      resolve(issuer);
      request.destroy();
    };
    request.once('socket', (socket: TLSSocket) => {
      const read = () => {
        const issuer = socket.getPeerCertificate()?.issuer;
        const name = issuer?.O ?? issuer?.CN;
        done(Array.isArray(name) ? name[0] : name);
      };
      if (socket.encrypted && !socket.connecting && socket.getPeerCertificate()?.issuer) read();
      else socket.once('secureConnect', read);
    });
    request.once('error', () => done());
    request.once('timeout', () => done());
  });
}
