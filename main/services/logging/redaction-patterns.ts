// Redaction by pattern: credentials recognised by their shape or their name, whoever logs them —
// Authorization headers, the platform's "User …, Organization …, Element …", code=… and secret-named fields.
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

/** A value under a secret-named key that is nevertheless safe to keep: a flag, a masked hint, an error code. */
function isHarmlessValue(key: string, value: string): boolean {
  if (['', REDACTED, 'null', 'undefined', 'true', 'false'].includes(value) || MASKED.test(value)) return true;
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
/** Quoted values: "key": "value", 'key': 'value', key: 'value', key="value". */
const QUOTED_FIELD = /(["']?)([\w.-]+)\1(\s*[:=]\s*)(["'])((?:(?!\4)[^\\\r\n]|\\.)*)\4/g;
/** JSON numbers under a secret-named key. */
const NUMBER_FIELD = /(["'])([\w.-]+)\1(\s*:\s*)(-?\d[\d.eE+-]*)/g;
/** Unquoted key=value / key: value pairs, query and form parameters included (a value ends at ? or =, base64 padding kept). */
const BARE_FIELD = /(^|[?&;,\s({[])([\w.-]+)(=|:\s*)(?!["'])([^\s&#,;"'<>(){}[\]?=]+=*)/gm;

/** Applies every pattern to a text, line breaks included. */
export function redactPatterns(text: string): string {
  return text
    .replace(HEADER, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(PLATFORM_CREDENTIALS, (list: string) => list.replace(PLATFORM_PART, `$1 ${REDACTED}`))
    .replace(SCHEME_TOKEN, `$1 ${REDACTED}`)
    .replace(ZOHO_TOKEN, REDACTED)
    .replace(
      QUOTED_FIELD,
      (match, keyQuote: string, key: string, separator: string, quote: string, value: string) =>
        isSecretField(key, value)
          ? `${keyQuote}${key}${keyQuote}${separator}${quote}${REDACTED}${quote}`
          : match,
    )
    .replace(NUMBER_FIELD, (match, quote: string, key: string, separator: string, value: string) =>
      isSecretField(key, value) ? `${quote}${key}${quote}${separator}"${REDACTED}"` : match,
    )
    .replace(
      BARE_FIELD,
      (_match, before: string, key: string, separator: string, value: string) =>
        `${before}${key}${separator}${redactValue(key, value)}`,
    );
}
