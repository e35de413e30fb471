import { describe, expect, it } from 'vitest';
import { describeProxy, proxyForUrl } from '../../../../../main/services/net/proxy-rules';
import { isFailure } from '../../../../../main/services/errors';

const PLATFORM = new URL('https://api.cloud-elements.com/elements/api-v2');
const proxyOf = (env: Record<string, string>, url = PLATFORM) => proxyForUrl(url, env)?.href ?? null;

describe('proxyForUrl: the command-line proxy convention', () => {
  it('takes HTTPS_PROXY for https, in either case, and ALL_PROXY when it is the only one', () => {
    expect(proxyOf({ HTTPS_PROXY: 'http://proxy.acme:8080' })).toBe('http://proxy.acme:8080/');
    expect(proxyOf({ https_proxy: 'proxy.acme:3128' })).toBe('http://proxy.acme:3128/');
    expect(proxyOf({ HTTP_PROXY: 'http://only-http:1' })).toBeNull();
    expect(proxyOf({ ALL_PROXY: 'http://all:2' })).toBe('http://all:2/');
    expect(proxyOf({ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' })).toBe('http://lower:1/');
  });

  it('follows NO_PROXY host, suffix, wildcard and port rules', () => {
    const via = { HTTPS_PROXY: 'http://proxy.acme:8080' };
    expect(proxyOf({ ...via, NO_PROXY: 'cloud-elements.com' })).toBeNull();
    expect(proxyOf({ ...via, NO_PROXY: '.cloud-elements.com' })).toBeNull();
    expect(proxyOf({ ...via, no_proxy: '*.cloud-elements.com' })).toBeNull();
    expect(proxyOf({ ...via, NO_PROXY: 'example.com, api.cloud-elements.com' })).toBeNull();
    expect(proxyOf({ ...via, NO_PROXY: '*' })).toBeNull();
    expect(proxyOf({ ...via, NO_PROXY: 'api.cloud-elements.com:443' })).toBeNull();
    expect(proxyOf({ ...via, NO_PROXY: 'api.cloud-elements.com:8443' })).toBe('http://proxy.acme:8080/');
    expect(proxyOf({ ...via, NO_PROXY: 'elements.com' })).toBe('http://proxy.acme:8080/');
    expect(proxyOf({ ...via, NO_PROXY: 'other.cloud-elements.com' })).toBe('http://proxy.acme:8080/');
  });

  it('always goes direct to this computer', () => {
    const via = { HTTPS_PROXY: 'http://proxy.acme:8080', HTTP_PROXY: 'http://proxy.acme:8080' };
    for (const url of ['http://127.0.0.1:4000/x', 'http://localhost:4000/x', 'http://[::1]:4000/x'])
      expect(proxyOf(via, new URL(url))).toBeNull();
  });

  it('says which variable is not a proxy URL', () => {
    try {
      proxyForUrl(PLATFORM, { HTTPS_PROXY: 'http://' });
      expect.unreachable();
    } catch (error) {
      expect(isFailure(error) && error.message).toBe(
        'HTTPS_PROXY is not a proxy URL: set it as http://host:port.',
      );
    }
  });

  it('describes a proxy without its login', () => {
    const proxy = proxyForUrl(PLATFORM, { HTTPS_PROXY: 'http://ann:s3cret@proxy.acme:8080' });
    expect(describeProxy(proxy)).toBe('proxy http://proxy.acme:8080');
    expect(describeProxy(null)).toBe('no proxy (direct)');
  });
});
