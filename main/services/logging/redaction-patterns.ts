// Redaction by pattern: credentials recognised by their shape or their name, whoever logs them —
// Authorization headers, the platform's "User …, Organization …, Element …", code=… and secret-named fields.
// Every pattern runs in linear time: a match may only start where a word starts, never inside one.
import { errorCodes } from '../../../common/contract';
import { namesSecret } from '../secret-names';

export const REDACTED = '[redacted]';

/** True for a field or parameter name that holds a secret (token, secret, password, signature key, grant code…). */
export function isSecretKey(name: string): boolean {
  const key = name.toLowerCase().replace(/^["']|["']$/g, '');
  // Broader than instance redaction: a hidden word too many costs a log line nothing.
  return (
    namesSecret(key) ||
    /signature|authorization|cookie/.test(key) ||
    /(?:grant|auth|authorization|oauth)[._-]?code$/.test(key)
  );
}

const KNOWN_CODES = new Set<string>(errorCodes);

/** A masked hint such as "••••EHU=" or the platform's "********": already safe to show. */
const MASKED = /^(?:•{2,}[^•]{0,4}|\*{4,})$/;

/**
 * An OAuth error code (RFC 6749 and 6750, and Zoho's own), as vendors write it in prose:
 * "Failed to retrieve the OAuth access token: invalid_client: client authentication failed".
 */
const OAUTH_ERROR =
  /^(?:invalid_[a-z_]+|unsupported_[a-z_]+|unauthorized_client|access_denied|server_error|temporarily_unavailable|insufficient_scope):?$/;

/** A value under a secret-named key that is nevertheless safe to keep: a flag, a masked hint, an error code. */
function isHarmlessValue(key: string, value: string): boolean {
  if (['', REDACTED, 'null', 'undefined', 'true', 'false'].includes(value) || MASKED.test(value)) return true;
  if (value.length <= 64 && OAUTH_ERROR.test(value)) return true;
  if (!/code$/i.test(key)) return false;
  return KNOWN_CODES.has(value) || /^(?:E[A-Z0-9_]+|ERR_[A-Z0-9_]+|\d{1,5})$/.test(value);
}

/** True when a field's value must be hidden: a secret-named key with a value that is not an error code or flag. */
export function isSecretField(key: string, value: string): boolean {
  return isSecretKey(key) && !isHarmlessValue(key, value);
}

const redactValue = (key: string, value: string) => (isSecretField(key, value) ? REDACTED : value);

/** `Authorization: …`, `"authorization":"…"`, cookies and API-key headers: the whole value. */
const HEADER = /\b((?:proxy-)?authorization|(?:set-)?cookie|x-api-key)(["']?\s*[:=]\s*["']?)([^"'\r\n]+)/gi;
/** The platform's credential list: two or more of `User x`, `Organization y`, `Element z`. */
const PLATFORM_CREDENTIALS =
  /\b(?:User|Organization|Element)\s+[^\s,"']+(?:\s*,\s*(?:User|Organization|Element)\s+[^\s,"']+)+/g;
const PLATFORM_PART = /\b(User|Organization|Element)\s+[^\s,"']+/g;
/** Bearer, Basic and Zoho access tokens after their scheme word. */
const SCHEME_TOKEN = /\b(Bearer|Basic|Zoho-oauthtoken)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{6,}/g;
/** Zoho grant codes, access and refresh tokens: 1000.<hex>[.<hex>]. */
const ZOHO_TOKEN = /\b1000\.[0-9a-f]{16,}(?:\.[0-9a-f]{16,})?\b/gi;
/**
 * Quoted values: "key": "value", 'key': 'value', key: 'value', key="value". Linear on any input: the key
 * starts where a word starts (the look-behind), and `(?=(x))\N` reads the key and the value once, never
 * giving back a character (an atomic group), so a quote left open costs one pass, not one per character.
 */
const QUOTED_FIELD =
  /(["']?)(?<![\w.-])(?=([\w.-]+))\2\1(\s*[:=]\s*)(?:"(?=([^"\\\r\n]*(?:\\.[^"\\\r\n]*)*))\4"|'(?=([^'\\\r\n]*(?:\\.[^'\\\r\n]*)*))\5')/g;
/** JSON numbers under a secret-named key. */
const NUMBER_FIELD = /(["'])([\w.-]+)\1(\s*:\s*)(-?\d[\d.eE+-]*)/g;
/** Unquoted key=value / key: value pairs, query and form parameters included (a value ends at ? or =, base64 padding kept). */
const BARE_FIELD = /(^|[?&;,\s({[])([\w.-]+)(=|:\s*)(?!["'])([^\s&#,;"'<>(){}[\]?=]+=*)/gm;

/** One pattern and what a match becomes. */
export interface RedactionStep {
  name: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

/** The patterns, in the order they run: headers and credential shapes first, then named fields. */
export const REDACTION_STEPS: readonly RedactionStep[] = [
  {
    name: 'header',
    pattern: HEADER,
    replace: (_match, name, separator) => `${name}${separator}${REDACTED}`,
  },
  {
    name: 'platform-credentials',
    pattern: PLATFORM_CREDENTIALS,
    replace: (list) => list.replace(PLATFORM_PART, `$1 ${REDACTED}`),
  },
  { name: 'scheme-token', pattern: SCHEME_TOKEN, replace: (_match, scheme) => `${scheme} ${REDACTED}` },
  { name: 'zoho-token', pattern: ZOHO_TOKEN, replace: () => REDACTED },
  {
    name: 'quoted-field',
    pattern: QUOTED_FIELD,
    // The quote that did not match leaves its group undefined.
    replace: (
      match: string,
      keyQuote: string,
      key: string,
      separator: string,
      doubleQuoted?: string,
      singleQuoted?: string,
    ) => {
      const quote = doubleQuoted === undefined ? "'" : '"';
      return isSecretField(key, doubleQuoted ?? singleQuoted ?? '')
        ? `${keyQuote}${key}${keyQuote}${separator}${quote}${REDACTED}${quote}`
        : match;
    },
  },
  {
    name: 'number-field',
    pattern: NUMBER_FIELD,
    replace: (match, quote, key, separator, value) =>
      isSecretField(key, value) ? `${quote}${key}${quote}${separator}"${REDACTED}"` : match,
  },
  {
    name: 'bare-field',
    pattern: BARE_FIELD,
    replace: (_match, before, key, separator, value) =>
      `${before}${key}${separator}${redactValue(key, value)}`,
  },
];

/** Applies every pattern to a text, line breaks included. */
export function redactPatterns(text: string): string {
  return REDACTION_STEPS.reduce((out, step) => out.replace(step.pattern, step.replace), text);
}
