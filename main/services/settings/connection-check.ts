// "Check connection": one request to the active tenant's platform, with no secrets, over the same
// transport as every platform call, reported stage by stage (DNS, proxy, TLS, HTTP) in plain words.
import { loadAxios } from '../net/lazy-axios';
import type { ConnectionCheck, ConnectionStage } from '../../../common/contract';
import { isFailure } from '../errors';
import type { HttpTransport } from '../net/http-transport';
import { assertSafeRemoteUrl } from '../net/safe-url';
import { networkCode } from '../net/transport-errors';

export type Lookup = (host: string) => Promise<string>;

export const systemLookup: Lookup = async (host) =>
  (await (await import('node:dns/promises')).lookup(host)).address;

export interface ConnectionCheckPorts {
  transport: HttpTransport;
  lookup?: Lookup;
  timeoutMs?: number;
}

type Stage = ConnectionCheck['stages'][number];
const stage = (name: ConnectionStage, outcome: Stage['outcome'], message: string): Stage => ({
  stage: name,
  outcome,
  message,
});

const TIMEOUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT']);

/** The stages after the route is known: what one GET {base}/instances without credentials shows. */
async function request(base: URL, proxy: string | null, ports: ConnectionCheckPorts): Promise<Stage[]> {
  const host = base.host;
  const https = base.protocol === 'https:';
  const viaProxy = proxy
    ? stage('proxy', 'ok', `The proxy ${proxy} opened the connection to ${host}.`)
    : null;
  const direct = stage('proxy', 'ok', `No proxy: this computer connects to ${host} directly.`);
  const tlsOk = https
    ? stage('tls', 'ok', `The certificate of ${host} is trusted.`)
    : stage('tls', 'skipped', `Plain http to this computer: there is no TLS.`);
  const timeoutMs = ports.timeoutMs ?? 15_000;
  try {
    const axios = await loadAxios();
    const response = await axios.request({
      method: 'get',
      url: `${base.toString().replace(/\/+$/, '')}/instances`,
      timeout: timeoutMs,
      maxRedirects: 0,
      validateStatus: () => true,
      headers: { Accept: 'application/json' },
      ...ports.transport.configFor(base),
    });
    const status = response.status;
    const http =
      status >= 300 && status < 400
        ? stage(
            'http',
            'failed',
            `${host} answered with a redirect (HTTP ${status}): is the platform URL right?`,
          )
        : status >= 500
          ? stage(
              'http',
              'failed',
              `${host} answered, but had a problem (HTTP ${status}). Try again in a moment.`,
            )
          : stage(
              'http',
              'ok',
              `${host} answered (HTTP ${status}; no secrets were sent, so 401 is expected).`,
            );
    return [viaProxy ?? direct, tlsOk, http];
  } catch (error) {
    const code = isFailure(error) ? error.code : networkCode(error);
    const message = error instanceof Error ? error.message : String(error);
    const skipped = (name: ConnectionStage) => stage(name, 'skipped', 'Not reached.');
    if (code === 'proxy_refused' || code === 'proxy_unreachable')
      return [stage('proxy', 'failed', message), skipped('tls'), skipped('http')];
    if (code === 'tls_untrusted')
      return [viaProxy ?? direct, stage('tls', 'failed', message), skipped('http')];
    if (TIMEOUT.has(code ?? ''))
      return [
        viaProxy ?? direct,
        skipped('tls'),
        stage('http', 'failed', `${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`),
      ];
    return [
      viaProxy ?? direct,
      skipped('tls'),
      stage('http', 'failed', `Could not connect to ${host} (${code ?? 'no answer'}).`),
    ];
  }
}

/** Checks the way to `baseUrl` stage by stage; never throws for a network problem, never sends a secret. */
export async function checkConnection(
  baseUrl: string,
  ports: ConnectionCheckPorts,
): Promise<ConnectionCheck> {
  const base = assertSafeRemoteUrl(baseUrl, "The tenant's platform URL");
  const host = base.host;
  let proxy: string | null;
  try {
    proxy = await ports.transport.proxyFor(base);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      host,
      stages: [stage('proxy', 'failed', `Could not work out which proxy to use for ${host}: ${why}`)],
    };
  }
  let dns: Stage;
  if (proxy) {
    dns = stage('dns', 'skipped', `The proxy ${proxy} looks up ${base.hostname} for this computer.`);
  } else {
    try {
      const address = await (ports.lookup ?? systemLookup)(base.hostname.replace(/^\[|\]$/g, ''));
      dns = stage('dns', 'ok', `${base.hostname} is at ${address}.`);
    } catch {
      const failed = stage(
        'dns',
        'failed',
        `Could not find ${base.hostname}: check the platform URL and the network.`,
      );
      return { ok: false, host, stages: [failed] };
    }
  }
  const stages = [dns, ...(await request(base, proxy, ports))];
  return { ok: stages.every((item) => item.outcome !== 'failed'), host, stages };
}
