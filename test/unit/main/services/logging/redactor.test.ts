// The log redactor: secrets registered by value (raw, URL-encoded, JSON-escaped), credentials recognised by
// pattern (Authorization, User/Organization/Element, code=…, secret-named fields), multi-line text, short values.
import fc from 'fast-check';
import { REDACTED, isSecretKey } from '../../../../../main/services/logging/redaction-patterns';
import { MIN_SECRET_LENGTH, Redactor } from '../../../../../main/services/logging/redactor';
import { RedactingSecretStore } from '../../../../../main/services/logging/redacting-secret-store';
import type { SecretStore } from '../../../../../main/services/ports';

const token = fc.stringMatching(/^[A-Za-z0-9+/=._~-]{8,48}$/).filter((value) => !REDACTED.includes(value));

describe('Redactor, by value', () => {
  it('hides a registered secret wherever it appears, as often as it appears', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t-Org-Secret');
    expect(redactor.redact('org s3cr3t-Org-Secret and again s3cr3t-Org-Secret.')).toBe(
      `org ${REDACTED} and again ${REDACTED}.`,
    );
  });

  it('hides the URL-encoded, form-encoded and JSON-escaped forms of a secret', () => {
    const redactor = new Redactor();
    const secret = 'a+b/c= "quoted" \\ back slash';
    redactor.add(secret);
    expect(redactor.redact(`https://x.test/?p=${encodeURIComponent(secret)}`)).toBe(
      `https://x.test/?p=${REDACTED}`,
    );
    expect(redactor.redact(`body ${new URLSearchParams({ p: secret })}`)).toBe(`body p=${REDACTED}`);
    expect(redactor.redact(JSON.stringify({ note: secret }))).toBe(`{"note":"${REDACTED}"}`);
  });

  it('replaces a secret that contains another one whole', () => {
    const redactor = new Redactor();
    redactor.add('abcd');
    redactor.add('abcdefgh-long');
    expect(redactor.redact('x abcdefgh-long y abcd z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
  });

  it(`does not register values shorter than ${MIN_SECRET_LENGTH} characters, or non-strings`, () => {
    const redactor = new Redactor();
    for (const value of ['abc', ' ab ', '', null, undefined, 12345, { secret: 'abcdef' }])
      redactor.add(value);
    expect(redactor.redact('abc ab 12345 abcdef')).toBe('abc ab 12345 abcdef');
    expect(redactor.knows('abc')).toBe(false);
  });

  it('hides a secret inside multi-line text, and a secret that itself spans lines', () => {
    const redactor = new Redactor();
    redactor.add('line-one\nline-two');
    redactor.add('user-secret-XYZ');
    const text = 'start\n  "x": "user-secret-XYZ",\nthen line-one\nline-two end';
    expect(redactor.redact(text)).toBe(`start\n  "x": "${REDACTED}",\nthen ${REDACTED} end`);
  });

  it('never lets a registered secret through, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(token, fc.string(), fc.string(), (secret, before, after) => {
        const redactor = new Redactor();
        redactor.add(secret);
        for (const text of [
          `${before}${secret}${after}`,
          JSON.stringify({ before, value: secret, after }, null, 2),
          `${before}?p=${encodeURIComponent(secret)}&${after}`,
        ]) {
          expect(redactor.redact(text)).not.toContain(secret);
        }
      }),
    );
  });
});

describe('Redactor, by pattern (nothing registered)', () => {
  const redact = (text: string) => new Redactor().redact(text);

  it('hides the platform credentials of an Authorization header, in any shape', () => {
    expect(redact('Authorization: User u-123456, Organization o-654321, Element e-token=')).toBe(
      `Authorization: ${REDACTED}`,
    );
    expect(
      redact('{"headers":{"Authorization":"User u-1, Organization o-2","Accept":"application/json"}}'),
    ).toBe(`{"headers":{"Authorization":"${REDACTED}","Accept":"application/json"}}`);
    expect(redact('sent User u-123456, Organization o-654321, Element e-token=')).toBe(
      `sent User ${REDACTED}, Organization ${REDACTED}, Element ${REDACTED}`,
    );
    expect(redact('proxy-authorization=Basic dXNlcjpwYXNz')).toBe(`proxy-authorization=${REDACTED}`);
    expect(redact('then Bearer eyJhbGciOi.payload.sig and Zoho-oauthtoken 1000.abcdef')).toBe(
      `then Bearer ${REDACTED} and Zoho-oauthtoken ${REDACTED}`,
    );
  });

  it('leaves ordinary words alone', () => {
    const text =
      'Element Authenticator started; User cancelled the flow; the authorization code was already used';
    expect(redact(text)).toBe(text);
  });

  it('hides code=… and secret parameters in URLs, keeping the rest', () => {
    expect(
      redact(
        'callback http://127.0.0.1:8123/cb?code=1000.aa.bb&state=s-1&location=eu&accounts-server=https%3A%2F%2Fa',
      ),
    ).toBe(
      `callback http://127.0.0.1:8123/cb?code=${REDACTED}&state=s-1&location=eu&accounts-server=https%3A%2F%2Fa`,
    );
    expect(
      redact('GET /elements/zohocrmv2/oauth/url?apiKey=client-id&apiSecret=client-secret&callbackUrl=x'),
    ).toBe(`GET /elements/zohocrmv2/oauth/url?apiKey=client-id&apiSecret=${REDACTED}&callbackUrl=x`);
    expect(redact('form grant_type=authorization_code&code=abc123&client_secret=cs-9')).toBe(
      `form grant_type=authorization_code&code=${REDACTED}&client_secret=${REDACTED}`,
    );
    expect(redact('consent refused: error=access_denied&state=s-1')).toBe(
      'consent refused: error=access_denied&state=s-1',
    );
  });

  it('hides secret-named JSON fields and keeps the others', () => {
    const instance = {
      id: 7,
      name: 'Acme Zoho',
      token: 'element-token-AAAA',
      configuration: {
        'oauth.api.key': 'client-id',
        'oauth.api.secret': 'client-secret',
        'oauth.user.token': 'user-token',
        'oauth.user.refresh_token': 'refresh-token',
        'event.notification.signature.key': 'signature-key',
        'oauth.callback.url': 'https://auth.example.com/cb',
      },
      providerData: { code: 'grant-code-1', state: 's-1', location: 'eu' },
      orgSecret: 'o',
      userSecret: 'user-secret',
      apiSecret: 'api-secret',
      client_secret: 'cs',
      password: 'hunter22',
      pin: 4242,
      refresh_token: 99887766,
    };
    for (const text of [JSON.stringify(instance), JSON.stringify(instance, null, 2)]) {
      const out = redact(text);
      for (const secret of [
        'element-token-AAAA',
        'client-secret',
        'user-token',
        'refresh-token',
        'signature-key',
      ]) {
        expect(out).not.toContain(secret);
      }
      for (const secret of ['grant-code-1', 'user-secret', 'api-secret', '"cs"', 'hunter22', '99887766']) {
        expect(out).not.toContain(secret);
      }
      for (const kept of ['client-id', 'Acme Zoho', 'https://auth.example.com/cb', '"s-1"', '"eu"', '4242']) {
        expect(out).toContain(kept);
      }
    }
  });

  it('hides key=value and key: value pairs, quoted or not', () => {
    expect(redact('token=abc123 password: hunter22 secret=\'two words\' signatureKey="k-1"')).toBe(
      `token=${REDACTED} password: ${REDACTED} secret='${REDACTED}' signatureKey="${REDACTED}"`,
    );
  });

  it('keeps error codes, flags, numbers and masked hints under secret-named keys', () => {
    const text =
      '{"code":"keychain_unavailable","status":401} code=ECONNREFUSED code: 404 {"hasSecret":true} ' +
      '{"orgSecretHint":"••••EHU=","oauth.api.secret":"********"}';
    expect(redact(text)).toBe(text);
    expect(redact('{"code":"a-real-grant-code"}')).toBe(`{"code":"${REDACTED}"}`);
  });

  it('hides Zoho tokens and grant codes by their shape anywhere', () => {
    const code = `1000.${'a1'.repeat(16)}.${'b2'.repeat(16)}`;
    expect(redact(`redirect carried ${code} to the app`)).toBe(`redirect carried ${REDACTED} to the app`);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const redactor = new Redactor();
        const once = redactor.redact(text);
        expect(redactor.redact(once)).toBe(once);
      }),
    );
  });

  it('never lets a credential through in any of these shapes (property)', () => {
    fc.assert(
      fc.property(token, token, token, (user, org, element) => {
        for (const text of [
          `Authorization: User ${user}, Organization ${org}, Element ${element}`,
          `User ${user}, Organization ${org}, Element ${element}`,
          JSON.stringify({ refresh_token: user, 'oauth.api.secret': org, apiSecret: element }),
          `https://x.test/cb?state=s&code=${encodeURIComponent(user)}&client_secret=${encodeURIComponent(org)}`,
        ]) {
          const out = redact(text);
          for (const value of [user, org, element]) {
            if (text.includes(value)) expect(out).not.toContain(value);
          }
        }
      }),
    );
  });

  it('names which keys are secret', () => {
    for (const key of [
      'token',
      'refresh_token',
      'oauth.user.token',
      'instanceToken',
      'secret',
      'apiSecret',
      'password',
      'event.notification.signature.key',
      'authorization',
      'code',
      'grant_code',
      'keystore.passphrase',
      'private_key',
      'cookie',
    ]) {
      expect([key, isSecretKey(key)]).toEqual([key, true]);
    }
    for (const key of [
      'name',
      'state',
      'apiKey',
      'oauth.api.key',
      'tokenAccount',
      'location',
      'errorCode',
      'statusCode',
    ]) {
      expect([key, isSecretKey(key)]).toEqual([key, false]);
    }
  });
});

describe('RedactingSecretStore', () => {
  function memoryStore(initial: Record<string, string>): SecretStore {
    const values = new Map(Object.entries(initial));
    return {
      get: async (account) => values.get(account) ?? null,
      set: async (account, secret) => void values.set(account, secret),
      delete: async (account) => values.delete(account),
    };
  }

  it('registers every value read from or written to the keychain, and no account name', async () => {
    const redactor = new Redactor();
    const store = new RedactingSecretStore(memoryStore({ 'acme/org-secret': 'org-secret-value' }), redactor);
    expect(redactor.redact('org-secret-value')).toBe('org-secret-value');
    expect(await store.get('acme/org-secret')).toBe('org-secret-value');
    await store.set('acme/instance/7/token', 'instance-token-value');
    expect(await store.get('missing')).toBeNull();
    expect(redactor.redact('org-secret-value instance-token-value acme/org-secret')).toBe(
      `${REDACTED} ${REDACTED} acme/org-secret`,
    );
    expect(await store.delete('acme/org-secret')).toBe(true);
    expect(redactor.knows('org-secret-value')).toBe(true);
  });

  it('registers a secret before writing it, so a failed write cannot log it', async () => {
    const redactor = new Redactor();
    const failing: SecretStore = { ...memoryStore({}), set: async () => Promise.reject(new Error('locked')) };
    await expect(new RedactingSecretStore(failing, redactor).set('a', 'never-logged-secret')).rejects.toThrow(
      'locked',
    );
    expect(redactor.redact('never-logged-secret')).toBe(REDACTED);
  });
});
