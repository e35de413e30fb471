// The CLI's HTTP transport: Node's own stack, the command-line proxy convention (HTTPS_PROXY, NO_PROXY)
// through a CONNECT tunnel, Node's trust store with NODE_EXTRA_CA_CERTS; --verbose names the route.
import type { AxiosAdapter } from 'axios';
import { loadAxios } from '../services/net/lazy-axios';
import type { HttpTransport } from '../services/net/http-transport';
import { describeProxy, proxyForUrl, shownProxy } from '../services/net/proxy-rules';
import { explainTransportError, isUntrustedCertificate } from '../services/net/transport-errors';

/** The tunnel module, loaded by the first call through a proxy or with an untrusted certificate. */
const loadTunnel = () => import('./node-tunnel');

export const CLI_TRUST_REMEDY =
  'point NODE_EXTRA_CA_CERTS at its PEM file (on Linux, NODE_OPTIONS=--use-openssl-ca also trusts the system store).';

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
  return {
    configFor(origin) {
      const proxy = proxyForUrl(origin, env);
      let agent: Promise<import('./node-tunnel').TunnelAgent> | undefined;
      const adapter: AxiosAdapter = async (config) => {
        onRoute?.(`${(config.method ?? 'get').toUpperCase()} ${origin.host}: ${describeProxy(proxy)}`);
        const http = (await loadAxios()).getAdapter('http');
        if (proxy) agent ??= loadTunnel().then(({ TunnelAgent }) => new TunnelAgent(proxy));
        const tunnel = agent && (await agent);
        try {
          return await http(tunnel ? { ...config, httpAgent: tunnel, httpsAgent: tunnel } : config);
        } catch (error) {
          const issuer = isUntrustedCertificate(error)
            ? await loadTunnel().then(({ presentedIssuer }) => presentedIssuer(origin, proxy))
            : undefined;
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
      return { proxy: false, adapter };
    },
    proxyFor(url) {
      const proxy = proxyForUrl(url, env);
      return Promise.resolve(proxy ? shownProxy(proxy) : null);
    },
  };
}
