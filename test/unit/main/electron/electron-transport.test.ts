import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateTrust } from '../../../../main/electron/certificate-trust';
import { electronTransport, firstProxy } from '../../../../main/electron/electron-transport';
import { platformClientFactory } from '../../../../main/services/cloud-elements/platform-client-factory';
import { isFailure } from '../../../../main/services/errors';
import { FAKE_SECRETS, startFakePlatform, type FakePlatform } from '../../../fakes/platform-server';

let platform: FakePlatform;

beforeAll(async () => {
  platform = await startFakePlatform();
});
afterAll(() => platform.close());

/** A session whose fetch is Node's (Electron's net.fetch has the same shape) unless a failure is given. */
function session(failure?: string, resolved = 'DIRECT'): Session {
  return {
    fetch: (input: string | Request, init?: RequestInit) =>
      failure ? Promise.reject(new Error(failure)) : fetch(input, init),
    resolveProxy: () => Promise.resolve(resolved),
  } as unknown as Session;
}

const client = (ses: Session, trust = new CertificateTrust()) =>
  platformClientFactory(electronTransport(ses, trust), { getRetries: 0, timeoutMs: 5_000 })({
    baseUrl: platform.baseUrl,
    ...FAKE_SECRETS,
  });

async function failureOf(pending: Promise<unknown>) {
  try {
    await pending;
  } catch (error) {
    if (isFailure(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('electronTransport', () => {
  it("carries the platform client's calls over the session's fetch", async () => {
    platform.seedInstances(2);
    expect(await client(session()).listInstances()).toHaveLength(2);
  });

  it('names the issuer Chromium rejected and points at the setting', async () => {
    const trust = new CertificateTrust();
    Object.assign(trust, { issuerFor: () => 'Acme Inspection Root' });
    const failure = await failureOf(
      client(session('net::ERR_CERT_AUTHORITY_INVALID'), trust).listInstances(),
    );
    expect(failure.code).toBe('tls_untrusted');
    expect(failure.message).toContain(`was issued by “Acme Inspection Root”`);
    expect(failure.message).toContain('Settings → Extra CA file');
  });

  it('says the proxy refused the tunnel', async () => {
    const failure = await failureOf(client(session('net::ERR_TUNNEL_CONNECTION_FAILED')).listInstances());
    expect(failure.code).toBe('proxy_refused');
  });

  it('treats a connection reset after POST /instances as a lost answer, never as unreachable', async () => {
    const failure = await failureOf(
      client(session('net::ERR_CONNECTION_RESET')).createInstance({ name: 'x' }),
    );
    expect(failure.code).toBe('response_lost');
  });

  it("reads the session's proxy for a URL without credentials", async () => {
    const transport = electronTransport(
      session(undefined, 'PROXY proxy.acme:8080; DIRECT'),
      new CertificateTrust(),
    );
    expect(await transport.proxyFor(new URL(platform.baseUrl))).toBe('http://proxy.acme:8080');
    expect(firstProxy('DIRECT')).toBeNull();
    expect(firstProxy('HTTPS secure.acme:443')).toBe('https://secure.acme:443');
  });
});
