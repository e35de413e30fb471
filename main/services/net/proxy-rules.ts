// The command-line proxy convention: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY (either case),
// with NO_PROXY's host, suffix and port rules; loopback always goes direct.
import { isLoopbackHost, parseProxyUrl } from '../../../common/urls';
import { AppFailure } from '../errors';

type Env = Readonly<Record<string, string | undefined>>;

const variable = (env: Env, name: string) =>
  env[name.toLowerCase()]?.trim() || env[name.toUpperCase()]?.trim() || '';

const defaultPort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/** True when one NO_PROXY entry (`host`, `.suffix`, `*.suffix`, `host:port`, `*`) covers the URL. */
function bypasses(entry: string, url: URL): boolean {
  if (entry === '*') return true;
  const match = /^(.*?)(?::(\d+))?$/.exec(entry);
  const pattern = (match?.[1] ?? entry).replace(/^\*?\./, '.').replace(/^\[|\]$/g, '');
  const port = match?.[2];
  if (port && port !== defaultPort(url)) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (pattern.startsWith('.')) return host.endsWith(pattern) || host === pattern.slice(1);
  return host === pattern || host.endsWith(`.${pattern}`);
}

/** The proxy URL a request to `url` goes through, or null for a direct connection. */
export function proxyForUrl(url: URL, env: Env): URL | null {
  if (isLoopbackHost(url.hostname)) return null;
  const noProxy = variable(env, 'no_proxy').toLowerCase();
  const entries = noProxy.split(/[,\s]+/).filter(Boolean);
  if (entries.some((entry) => bypasses(entry, url))) return null;
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const name = [`${scheme}_proxy`, 'all_proxy'].find((candidate) => variable(env, candidate));
  if (!name) return null;
  const proxy = parseProxyUrl(variable(env, name));
  if (!proxy?.hostname)
    throw new AppFailure(
      'invalid_input',
      `${name.toUpperCase()} is not a proxy URL: set it as http://host:port.`,
    );
  return proxy;
}

/** A proxy as it may be shown and logged: scheme, host and port, never its user name or password. */
export function shownProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

export function describeProxy(proxy: URL | null): string {
  return proxy ? `proxy ${shownProxy(proxy)}` : 'no proxy (direct)';
}
