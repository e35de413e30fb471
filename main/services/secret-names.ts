// Which field names hold secrets wherever they appear: the one rule behind instance redaction
// (detail, export, CLI) and under the log redactor, which adds a few broader names of its own.

/**
 * Secrets, passwords, credentials, private and signature keys, anything ending in token(s), and grant
 * codes. Not the OAuth client id (oauth.api.key), URLs such as oauth.token.url, or times such as
 * oauth.user.refresh_time.
 */
const SECRET_NAMES = [
  /secret|passw(?:or)?d|passphrase|credential|private[._-]?key|signature[._-]?key/,
  /tokens?$/,
  /^code$|(?:^|[._-])(?:grant|auth|authorization)[._-]?code$/,
];

export function namesSecret(name: string): boolean {
  const key = name.toLowerCase();
  return SECRET_NAMES.some((pattern) => pattern.test(key));
}
