// The app's HTTP transport: platform calls go through the session's own network stack (net.fetch),
// so they take the proxy the system would (PAC included) and trust the system's certificate store.
import type { Session } from 'electron';
import axios, { AxiosError, type AxiosAdapter } from 'axios';
import type { HttpTransport } from '../services/net/http-transport';
import { explainTransportError, networkCode } from '../services/net/transport-errors';
import type { CertificateTrust } from './certificate-trust';

export const APP_TRUST_REMEDY =
  'choose its certificate file under Settings → Extra CA file, or ask IT to install it in the system store.';

/** Chromium's names for a request that may have reached the platform with no answer back, as Node's. */
const NODE_CODE: Record<string, string> = {
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  ERR_TIMED_OUT: 'ETIMEDOUT',
};

/** "PROXY proxy.acme:8080; DIRECT" → "http://proxy.acme:8080"; DIRECT → null. */
export function firstProxy(resolved: string): string | null {
  const [kind = '', server = ''] = (resolved.split(';')[0] ?? '').trim().split(/\s+/);
  const scheme = { PROXY: 'http', HTTPS: 'https', SOCKS: 'socks', SOCKS4: 'socks4', SOCKS5: 'socks5' }[
    kind.toUpperCase()
  ];
  return scheme && server ? `${scheme}://${server}` : null;
}

export function electronTransport(session: Session, trust: CertificateTrust): HttpTransport {
  const env = {
    fetch: (input: string | URL | Request, init?: RequestInit) =>
      session.fetch(input instanceof URL ? input.href : input, init),
  };
  // axios's fetch adapter bound to the session's fetch (its default one would use Node's).
  const fetchAdapter = axios.getAdapter('fetch', { env });
  return {
    configFor(origin) {
      const adapter: AxiosAdapter = async (config) => {
        try {
          return await fetchAdapter(config);
        } catch (error) {
          const issuer = trust.issuerFor(origin.hostname);
          const explained = explainTransportError(error, {
            host: origin.host,
            issuer,
            trustRemedy: APP_TRUST_REMEDY,
          });
          if (explained) throw explained;
          const nodeCode = NODE_CODE[networkCode(error) ?? ''];
          if (nodeCode && error instanceof AxiosError) error.code = nodeCode;
          throw error;
        }
      };
      return { adapter, env };
    },
    async proxyFor(url) {
      return firstProxy(await session.resolveProxy(url.href));
    },
  };
}
