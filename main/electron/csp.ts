// The renderer's Content-Security-Policy, in one place: main sends it as a header, the build writes
// it into index.html, and the e2e server sends it too. No inline script, no remote origin.
// Development alone gets the policy the Vite dev server needs (its origin, its HMR socket, the React preamble).
// No imports: scripts/security-gate.mjs evaluates this file on its own.
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

const policyOf = (directives: readonly (readonly [string, string])[]) =>
  directives.map(([name, sources]) => `${name} ${sources}`).join('; ');

export const CONTENT_SECURITY_POLICY = policyOf(DIRECTIVES);

/**
 * The policy for `npm run dev`: script from the dev server's origin, plus its inline React-refresh preamble, and
 * its HMR WebSocket; everything else as in production. The inline scripts are named by hash when the caller knows
 * the page (the build's meta tag); main's header cannot, so it allows 'unsafe-inline', in development only.
 */
export function devContentSecurityPolicy(devUrl: string, inlineScriptHashes?: readonly string[]): string {
  const { origin, host, protocol } = new URL(devUrl);
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`Not a dev server URL: ${devUrl}`);
  const socket = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
  const inline = inlineScriptHashes
    ? inlineScriptHashes.map((hash) => ` '${hash}'`).join('')
    : " 'unsafe-inline'";
  const dev: Record<string, string> = {
    'script-src': `'self' ${origin}${inline}`,
    'connect-src': `'self' ${origin} ${socket}`,
  };
  return policyOf(DIRECTIVES.map(([name, sources]) => [name, dev[name] ?? sources] as const));
}
