// The one way services get a platform client: a factory built once by createServices over the
// HTTP transport port (Electron's network stack in the app, Node in the CLI) and injected.
import type { HttpTransport } from '../net/http-transport';
import { PlatformClient, type PlatformClientOptions, type PlatformCredentials } from './platform-client';

export type PlatformClientFactory = (credentials: PlatformCredentials) => PlatformClient;

export function platformClientFactory(
  transport: HttpTransport,
  options: Omit<PlatformClientOptions, 'transport'> = {},
): PlatformClientFactory {
  return (credentials) => new PlatformClient(credentials, { ...options, transport });
}
