// The CLI's HTTP transport: Node's own stack, the command-line proxy convention (HTTPS_PROXY, NO_PROXY)
// through a CONNECT tunnel, Node's trust store with NODE_EXTRA_CA_CERTS; --verbose names the route.
import type { ClientRequest } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import axios, { type AxiosAdapter } from 'axios';
import { HttpsProxyAgent, type HttpsProxyAgentOptions } from 'https-proxy-agent';
import type { HttpTransport } from '../services/net/http-transport';
import { describeProxy, proxyForUrl, shownProxy } from '../services/net/proxy-rules';
import {
  explainTransportError,
  isUntrustedCertificate,
  ProxyRefusedError,
} from '../services/net/transport-errors';

type AgentConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];

export const CLI_TRUST_REMEDY =
  'point NODE_EXTRA_CA_CERTS at its PEM file (on Linux, NODE_OPTIONS=--use-openssl-ca also trusts the system store).';

/** A CONNECT tunnel that fails plainly when the proxy answers with anything but 200 (a redirect, a login page, 407). */
class TunnelAgent extends HttpsProxyAgent<string> {
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
function presentedIssuer(origin: URL, proxy: URL | null): Promise<string | undefined> {
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

export interface NodeTransportOptions {
  env: NodeJS.ProcessEnv;
  /** Told which route each call takes (--verbose); the proxy's credentials are never in it. */
  onRoute?: (line: string) => void;
  /** What to do about an untrusted certificate; the CLI's own advice by default. */
  trustRemedy?: string;
}

export function nodeTransport({
  env,
  onRoute,
  trustRemedy = CLI_TRUST_REMEDY,
}: NodeTransportOptions): HttpTransport {
  const http = axios.getAdapter('http');
  return {
    configFor(origin) {
      const proxy = proxyForUrl(origin, env);
      const agent = proxy ? new TunnelAgent(proxy) : undefined;
      const adapter: AxiosAdapter = async (config) => {
        onRoute?.(`${(config.method ?? 'get').toUpperCase()} ${origin.host}: ${describeProxy(proxy)}`);
        try {
          return await http(config);
        } catch (error) {
          const issuer = isUntrustedCertificate(error) ? await presentedIssuer(origin, proxy) : undefined;
          throw (
            explainTransportError(error, {
              host: origin.host,
              issuer,
              proxy: proxy && shownProxy(proxy),
              trustRemedy,
            }) ?? error
          );
        }
      };
      return { proxy: false, adapter, ...(agent ? { httpAgent: agent, httpsAgent: agent } : {}) };
    },
    proxyFor(url) {
      const proxy = proxyForUrl(url, env);
      return Promise.resolve(proxy ? shownProxy(proxy) : null);
    },
  };
}
