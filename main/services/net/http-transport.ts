// The HTTP transport port: how the platform client's requests leave this machine (proxy, trust store).
// The app backs it by Electron's network stack, the CLI by Node; the services never know which.
import type { AxiosRequestConfig } from 'axios';

/** The axios settings a transport decides: how a request connects, never what it sends. */
export type TransportConfig = Pick<
  AxiosRequestConfig,
  'adapter' | 'httpAgent' | 'httpsAgent' | 'proxy' | 'env' | 'fetchOptions'
>;

export interface HttpTransport {
  /** The settings for every request to `origin` (a tenant's platform URL). */
  configFor(origin: URL): TransportConfig;
  /** The proxy a request to `url` goes through ("http://proxy.acme:8080", never credentials), null when direct. */
  proxyFor(url: URL): Promise<string | null>;
}

/** Straight to the host with Node's own trust store: tests and tools that need no proxy. */
export const directTransport: HttpTransport = {
  configFor: () => ({ proxy: false }),
  proxyFor: () => Promise.resolve(null),
};
