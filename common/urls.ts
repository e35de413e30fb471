// URL rules every process shares: https for remote hosts, plain http only to loopback, the app's
// own callback link, which callback door a URL opens, and which states travel safely.

/** The three doors a vendor's redirect can come back through. */
export const CALLBACK_DOORS = ['protocol', 'loopback', 'paste'] as const;
export type CallbackDoor = (typeof CALLBACK_DOORS)[number];

export const APP_SCHEME = 'element-auth';
/** The app's own callback: the OS hands element-auth://oauth/callback?… to the app. */
export const APP_CALLBACK_URL = `${APP_SCHEME}://oauth/callback`;
export const LOOPBACK_CALLBACK_EXAMPLE = 'http://127.0.0.1:53682/callback';
/** Hosts a loopback callback listener can be opened on (URL.hostname spelling). */
const LOOPBACK_CALLBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_LINK_LENGTH = 8192;
const MAX_STATE_LENGTH = 512;
/** Grant codes and states: printable ASCII without spaces or quotes. */
export const TOKEN_PATTERN = /^[\x21\x23-\x26\x28-\x7e]+$/;

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** This computer: localhost, any 127.x.y.z, and ::1 (with or without brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** True for https URLs, and http URLs whose host is loopback; never with user info. */
export function isSafeRemoteUrl(value: string): boolean {
  const url = parseUrl(value);
  if (!url || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** Why a URL may not be used for a remote call or the browser, in the user's words; null when it may. */
export function remoteUrlProblem(value: string, what: string): string | null {
  const url = parseUrl(value.trim());
  if (!url) return `${what} is not a URL.`;
  if (url.username || url.password) return `Leave the user name and password out of ${what.toLowerCase()}.`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:')
    return 'Plain http is only for this computer (127.0.0.1, localhost or [::1]); use https for anything else.';
  return `${what} must be an https URL.`;
}

/** True only for element-auth://oauth/callback (with or without a query): every other link is ignored. */
export function isAppCallbackLink(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH) return false;
  const url = parseUrl(value);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === 'oauth' &&
    url.pathname === '/callback' &&
    !url.username &&
    !url.password &&
    value.toLowerCase().startsWith(APP_CALLBACK_URL)
  );
}

export type CallbackUrlCheck =
  | { ok: true; door: CallbackDoor }
  | { ok: false; message: string; /** plain http to a remote host, or another scheme */ insecure: boolean };

const ALL_DOORS = `Use https://…, http://127.0.0.1:PORT/… or ${APP_CALLBACK_URL}.`;

/** Which door a callback URL opens, or why the app cannot use it: one rule for the form, main and the CLI. */
export function checkCallbackUrl(value: string): CallbackUrlCheck {
  const text = value.trim();
  if (text === '')
    return { ok: false, message: 'Enter the callback URL registered with the vendor.', insecure: false };
  if (text === APP_CALLBACK_URL) return { ok: true, door: 'protocol' };
  const url = parseUrl(text);
  if (!url) return { ok: false, message: `This is not a URL. ${ALL_DOORS}`, insecure: false };
  if (url.username || url.password)
    return {
      ok: false,
      message: 'Leave the user name and password out of the callback URL.',
      insecure: false,
    };
  if (url.protocol === `${APP_SCHEME}:`)
    return { ok: false, message: `The app's own callback is exactly ${APP_CALLBACK_URL}.`, insecure: false };
  if (url.protocol === 'https:') return { ok: true, door: 'paste' };
  if (url.protocol === 'http:' && LOOPBACK_CALLBACK_HOSTS.has(url.hostname)) {
    if (url.port !== '') return { ok: true, door: 'loopback' };
    return {
      ok: false,
      message: `Add the port the local listener should use, e.g. ${LOOPBACK_CALLBACK_EXAMPLE}.`,
      insecure: false,
    };
  }
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname))
    return { ok: false, message: 'A local callback uses 127.0.0.1, localhost or [::1].', insecure: false };
  if (url.protocol === 'http:')
    return {
      ok: false,
      message:
        'Plain http is only for this computer (127.0.0.1, localhost or [::1]); use https for anything else.',
      insecure: true,
    };
  return { ok: false, message: ALL_DOORS, insecure: true };
}

/** The door a callback URL opens; null when the app cannot use it. */
export function callbackDoorOf(value: string): CallbackDoor | null {
  const check = checkCallbackUrl(value);
  return check.ok ? check.door : null;
}

/** One sentence when the URL is not a usable callback URL; null when it is. */
export function callbackUrlProblem(value: string): string | null {
  const check = checkCallbackUrl(value);
  return check.ok ? null : check.message;
}

/** An https URL only (events callback, generic base URLs), in the user's words; null when fine. */
export function httpsUrlProblem(value: string): string | null {
  const url = parseUrl(value.trim());
  if (!url || url.protocol !== 'https:') return 'Use an https URL, e.g. https://example.com/path.';
  if (url.username || url.password) return 'Leave the user name and password out of the URL.';
  return null;
}

/** True for a state the callback parser will accept back from the vendor. */
export function isWellFormedState(state: string): boolean {
  return state.length <= MAX_STATE_LENGTH && TOKEN_PATTERN.test(state);
}

/** The longest state a user may type (the parser accepts longer ones from vendors). */
export const MAX_TYPED_STATE = 200;

/** One sentence when a typed state cannot be used; null when it can (empty means "the app picks one"). */
export function stateProblem(state: string): string | null {
  const text = state.trim();
  if (text === '' || (text.length <= MAX_TYPED_STATE && TOKEN_PATTERN.test(text))) return null;
  return `A state is one word of at most ${MAX_TYPED_STATE} characters, without spaces or quotes.`;
}

/** A manual proxy as typed ("proxy.acme:8080" means http://); null when it is no URL. */
export function parseProxyUrl(value: string): URL | null {
  const text = value.trim();
  return text ? parseUrl(text.includes('://') ? text : `http://${text}`) : null;
}

/** Why a manual proxy URL cannot be used, in the user's words; null when it can. */
export function proxyUrlProblem(value: string): string | null {
  if (!value.trim()) return 'Enter the proxy URL.';
  const url = parseProxyUrl(value);
  if (!url || !url.hostname) return 'Enter the proxy as http://host:port.';
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The proxy URL must start with http:// or https://.';
  if (url.username || url.password)
    return 'Leave the user name and password out of the proxy URL: enter them in their own fields.';
  if (url.pathname !== '/' || url.search || url.hash)
    return 'The proxy URL is only http://host:port, with no path.';
  return null;
}
