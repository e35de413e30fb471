// The network rule of the house: https for every remote host, plain http only to loopback.
// Used for platform base URLs, callback URLs and everything handed to the system browser.
import { AppFailure } from '../errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for https URLs, and http URLs whose host is loopback. */
export function isSafeRemoteUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export function assertSafeRemoteUrl(value: string, what: string): URL {
  if (!isSafeRemoteUrl(value)) {
    throw new AppFailure(
      'insecure_url',
      `${what} must be an https URL (plain http is allowed only for 127.0.0.1 or localhost).`,
    );
  }
  return new URL(value);
}
