// The one pure parser for every callback door (deep link, loopback listener, pasted URL): a URL
// in, a discriminated union out. It never throws; anything unexpected or hostile is 'invalid'.
import { APP_CALLBACK_URL, isWellFormedState, parseUrl, TOKEN_PATTERN } from '../../../common/urls';

export type ParsedCallback =
  | { kind: 'code'; code: string; state: string; location?: string; accountsServer?: string }
  | { kind: 'denied'; error: string; errorDescription?: string; state?: string }
  | { kind: 'invalid'; reason: string };

export interface ExpectedCallback {
  /** The callbackUrl of step 1: a callback is taken only at this exact scheme, host, port and path. */
  callbackUrl: string;
}

const MAX_URL_LENGTH = 8192;
const MAX_CODE_LENGTH = 2048;
const MAX_SERVER_LENGTH = 512;
const MAX_ERROR_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 1000;
/** Vendor error text: printable, no control characters. */
const TEXT_PATTERN = /^[^\p{Cc}\p{Cf}]+$/u;
const LOCATION_PATTERN = /^[a-z]{2,10}$/i;

const SINGLE_PARAMS = ['code', 'state', 'error', 'error_description', 'location', 'accounts-server'] as const;

function invalid(reason: string): ParsedCallback {
  return { kind: 'invalid', reason };
}

/** Where a URL lands: scheme, host, port and path, with no user info. Null for anything else. */
function landing(url: URL): string | null {
  if (url.username || url.password) return null;
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function isAcceptedLanding(url: URL, expected: ExpectedCallback): boolean {
  const here = landing(url);
  if (here === null) return false;
  if (here === APP_CALLBACK_URL) return true;
  const wanted = parseUrl(expected.callbackUrl);
  return wanted !== null && landing(wanted) === here;
}

function tokenOf(value: string | null, max: number): string | null | undefined {
  if (value === null) return undefined;
  return value.length <= max && TOKEN_PATTERN.test(value) ? value : null;
}

function textOf(value: string | null, max: number): string | null | undefined {
  if (value === null || value === '') return undefined;
  return value.length <= max && TEXT_PATTERN.test(value) ? value : null;
}

/** Parses a redirected URL from any door against the flow's callback URL. Never throws. */
export function parseCallback(value: unknown, expected: ExpectedCallback): ParsedCallback {
  if (typeof value !== 'string') return invalid('The callback is not a URL.');
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_URL_LENGTH)
    return invalid('The callback URL is empty or too long.');
  const url = parseUrl(text);
  if (!url) return invalid('That is not a URL.');
  if (!isAcceptedLanding(url, expected)) {
    return invalid('The URL does not lead to the callback URL of this flow.');
  }
  const params = url.searchParams;
  for (const name of SINGLE_PARAMS) {
    if (params.getAll(name).length > 1) return invalid(`The callback carries "${name}" more than once.`);
  }
  const rawState = params.get('state');
  const state = rawState === null ? undefined : isWellFormedState(rawState) ? rawState : null;
  if (state === null) return invalid('The callback state is malformed.');
  const error = params.get('error');
  const code = params.get('code');
  if (error !== null && code !== null) return invalid('The callback carries both a code and an error.');
  if (error !== null) {
    const vendorError = textOf(error, MAX_ERROR_LENGTH);
    if (!vendorError) return invalid('The callback error is malformed.');
    const description = textOf(params.get('error_description'), MAX_DESCRIPTION_LENGTH);
    if (description === null) return invalid('The callback error description is malformed.');
    return {
      kind: 'denied',
      error: vendorError,
      ...(description ? { errorDescription: description } : {}),
      ...(state ? { state } : {}),
    };
  }
  const grant = tokenOf(code, MAX_CODE_LENGTH);
  if (!grant)
    return invalid(code === null ? 'The callback carries no code.' : 'The callback code is malformed.');
  if (!state) return invalid('The callback carries no state.');
  const location = params.get('location');
  if (location !== null && !LOCATION_PATTERN.test(location))
    return invalid('The callback location is malformed.');
  const accountsServer = tokenOf(params.get('accounts-server'), MAX_SERVER_LENGTH);
  if (accountsServer === null) return invalid('The callback accounts-server is malformed.');
  return {
    kind: 'code',
    code: grant,
    state,
    ...(location !== null ? { location: location.toLowerCase() } : {}),
    ...(accountsServer !== undefined ? { accountsServer } : {}),
  };
}
