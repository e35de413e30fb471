// What went wrong on the way to the platform, in the user's words: a proxy that refused the tunnel
// (redirect, login page, 407), a certificate this machine does not trust (naming its issuer), a name not found.
import { AppFailure } from '../errors';

/** A proxy answered CONNECT with something other than 200: never retried, never followed. */
export class ProxyRefusedError extends Error {
  readonly code = 'ERR_PROXY_REFUSED';
  constructor(
    readonly proxy: string,
    readonly status: number,
    readonly location?: string,
  ) {
    super(`The proxy answered CONNECT with HTTP ${status}.`);
  }
}

/** Node's and Chromium's names for a certificate the machine does not trust. */
const UNTRUSTED = new Set([
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'ERR_CERT_AUTHORITY_INVALID',
]);
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ERR_NAME_NOT_RESOLVED']);
/** Through a proxy, a refused connection or an unknown name is the proxy's, not the platform's. */
const PROXY_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** The code of an error or of what it wraps (axios keeps the original as `cause`); net::ERR_X as ERR_X. */
export function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_NETWORK') return code;
    const chromium = /net::(ERR_[A-Z_]+)/.exec(current.message)?.[1];
    if (chromium) return chromium;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function proxyRefusal(error: unknown): ProxyRefusedError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if (current instanceof ProxyRefusedError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface TransportErrorContext {
  host: string;
  /** Who issued the certificate the host presented, when it could be read. */
  issuer?: string;
  /** The proxy the request went through ("http://proxy.acme:8080"), when one did and it is known. */
  proxy?: string | null;
  /** What to do about an untrusted certificate where this runs: a setting in the app, a variable in the CLI. */
  trustRemedy: string;
}

export function untrustedCertificateFailure(context: TransportErrorContext): AppFailure {
  const by = context.issuer ? `was issued by “${context.issuer}”, which` : 'comes from an issuer that';
  return new AppFailure(
    'tls_untrusted',
    `The certificate of ${context.host} ${by} this computer does not trust. If your company inspects TLS, add its root certificate: ${context.trustRemedy}`,
  );
}

/** True when the host's certificate chain ends at an issuer this machine does not trust. */
export function isUntrustedCertificate(error: unknown): boolean {
  return UNTRUSTED.has(networkCode(error) ?? '');
}

/** An AppFailure for a proxy, certificate or name problem; undefined for anything else. */
export function explainTransportError(
  error: unknown,
  context: TransportErrorContext,
): AppFailure | undefined {
  const refusal = proxyRefusal(error);
  if (refusal) {
    if (refusal.status === 407) {
      return new AppFailure(
        'proxy_refused',
        `The proxy ${refusal.proxy} asks for a user name and password (HTTP 407): set them with the proxy.`,
      );
    }
    const to = refusal.location ? ` and sent it to ${refusal.location}` : '';
    return new AppFailure(
      'proxy_refused',
      `The proxy ${refusal.proxy} did not open the connection to ${context.host} (HTTP ${refusal.status})${to}. It may want you to sign in through a browser first, or the proxy setting is wrong.`,
    );
  }
  const code = networkCode(error);
  if (code === undefined) return undefined;
  if (UNTRUSTED.has(code)) return untrustedCertificateFailure(context);
  if ((context.proxy && PROXY_UNREACHABLE.has(code)) || code === 'ERR_PROXY_CONNECTION_FAILED') {
    const which = context.proxy ? ` ${context.proxy}` : '';
    return new AppFailure('proxy_unreachable', `Could not reach the proxy${which}: check the proxy setting.`);
  }
  if (NOT_FOUND.has(code)) {
    return new AppFailure(
      'platform_unreachable',
      `Could not find ${context.host} (DNS): check the tenant's platform URL and the network.`,
    );
  }
  if (code === 'ERR_TUNNEL_CONNECTION_FAILED' || code === 'ERR_PROXY_AUTH_REQUESTED') {
    return new AppFailure(
      'proxy_refused',
      `The proxy did not open the connection to ${context.host}. It may want you to sign in, or the proxy setting is wrong.`,
    );
  }
  return undefined;
}
