// The one redaction of instance JSON: every secret field masked with "********", null and empty
// values left alone, everything else untouched, and the input never changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MASKED_SECRET,
  SECRET_CONFIGURATION_KEYS,
  redactInstance,
} from '../../../../../main/services/instances/redact';
import { configurationEntries, createBodyOf } from '../../../../../main/services/instances/instance-views';

const instance = () => ({
  id: 7,
  name: 'Acme Zoho',
  token: 'element-token-AAAA',
  element: { key: 'zohocrmv2' },
  tags: ['acme'],
  configuration: {
    'oauth.user.token': '1000.user-token',
    'oauth.user.refresh_token': '1000.refresh-token',
    'oauth.user.refresh_time': '1715938200000',
    'oauth.api.key': 'client-id',
    'oauth.api.secret': 'client-secret',
    'event.notification.basic.password': 'basic-password',
    'event.notification.signature.key': 'signature-key',
    'oauth.callback.url': 'https://example.com/cb',
    'event.notification.callback.url': null,
  } as Record<string, string | null>,
  providerData: {
    code: '1000.grant',
    secret: 'provider-secret',
    location: 'eu',
    'accounts-server': 'https://accounts.zoho.eu',
  },
});

describe('redactInstance', () => {
  it('masks the token, the five secret configuration keys and providerData code and secret', () => {
    const redacted = redactInstance(instance());
    expect(redacted.token).toBe(MASKED_SECRET);
    expect(redacted.configuration).toEqual({
      'oauth.user.token': MASKED_SECRET,
      'oauth.user.refresh_token': MASKED_SECRET,
      'oauth.user.refresh_time': '1715938200000',
      'oauth.api.key': 'client-id',
      'oauth.api.secret': MASKED_SECRET,
      'event.notification.basic.password': MASKED_SECRET,
      'event.notification.signature.key': MASKED_SECRET,
      'oauth.callback.url': 'https://example.com/cb',
      'event.notification.callback.url': null,
    });
    expect(redacted.providerData).toEqual({
      code: MASKED_SECRET,
      secret: MASKED_SECRET,
      location: 'eu',
      'accounts-server': 'https://accounts.zoho.eu',
    });
    expect(redacted).toMatchObject({
      id: 7,
      name: 'Acme Zoho',
      element: { key: 'zohocrmv2' },
      tags: ['acme'],
    });
  });

  it('masks secret-named fields it does not know by name, at any depth, and leaves the rest', () => {
    const redacted = redactInstance({
      id: 9,
      name: 'generic',
      refreshToken: 'top-level-refresh',
      configuration: {
        'vendor.client.secret': 'vendor-secret',
        'oauth.user.token.secret': 'oauth1-token-secret',
        'bullhorn.password': 'bullhorn-password',
        'oauth.api.key': 'client-id',
        'oauth.token.url': 'https://vendor.example/token',
        'oauth.authorization.url': 'https://vendor.example/auth',
        'oauth.user.refresh_time': '1715938200000',
        'event.poller.refresh_interval': '15',
        'event.notification.enabled': true,
      },
      providerData: { code: 'grant', access_token: 'at-1', nested: { id_token: 'idt', state: 's' } },
      provisionInteractions: [
        { response: { body: { access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600 } } },
        { key: 'oauth.api.secret', value: 'pair-secret' },
        { key: 'oauth.callback.url', value: 'https://a.example/cb' },
      ],
      element: { key: 'generic', credentials: { user: 'u', password: 'p' } },
    });
    const text = JSON.stringify(redacted);
    for (const secret of ['top-level-refresh', 'vendor-secret', 'oauth1-token-secret', 'bullhorn-password']) {
      expect(text).not.toContain(secret);
    }
    for (const secret of ['grant', 'at-1', 'idt', 'at-2', 'rt-2', 'pair-secret', '"p"']) {
      expect(text).not.toContain(secret);
    }
    expect(redacted.configuration).toMatchObject({
      'oauth.api.key': 'client-id',
      'oauth.token.url': 'https://vendor.example/token',
      'oauth.authorization.url': 'https://vendor.example/auth',
      'oauth.user.refresh_time': '1715938200000',
      'event.poller.refresh_interval': '15',
      'event.notification.enabled': true,
    });
    expect(redacted.providerData.nested.state).toBe('s');
    expect(redacted.provisionInteractions[0]).toEqual({
      response: { body: { access_token: MASKED_SECRET, refresh_token: MASKED_SECRET, expires_in: 3600 } },
    });
    expect(redacted.provisionInteractions[2]).toEqual({
      key: 'oauth.callback.url',
      value: 'https://a.example/cb',
    });
    expect(redacted.element).toEqual({ key: 'generic', credentials: MASKED_SECRET });
  });

  it('marks unknown secret configuration keys secret and leaves them out of the create body', () => {
    const source = {
      ...instance(),
      configuration: { 'vendor.client.secret': 'vendor-secret', 'oauth.token.url': 'https://v.example/t' },
    };
    expect(configurationEntries(redactInstance(source))).toEqual([
      { key: 'oauth.token.url', value: 'https://v.example/t', secret: false },
      { key: 'vendor.client.secret', value: MASKED_SECRET, secret: true },
    ]);
    expect(createBodyOf(source).configuration).toEqual({ 'oauth.token.url': 'https://v.example/t' });
  });

  it('leaves null and empty secrets as they are, and adds no field that was absent', () => {
    const source = {
      id: 1,
      name: 'n',
      token: '',
      configuration: { 'oauth.user.token': null, 'oauth.api.secret': '' },
      providerData: {},
    };
    expect(redactInstance(source)).toEqual(source);
    expect(redactInstance({ id: 2, name: 'bare' })).toEqual({ id: 2, name: 'bare' });
  });

  it('does not change the instance it was given', () => {
    const source = instance();
    const copy = structuredClone(source);
    redactInstance(source);
    expect(source).toEqual(copy);
  });

  it('never lets a secret value through, whatever the values are', () => {
    const secret = fc.string({ minLength: 1 }).filter((value) => value !== MASKED_SECRET);
    fc.assert(
      fc.property(secret, fc.array(secret, { minLength: 7, maxLength: 7 }), (token, values) => {
        const configuration = Object.fromEntries(
          SECRET_CONFIGURATION_KEYS.map((key, index) => [key, values[index] ?? 'x']),
        );
        const redacted = redactInstance({
          id: 1,
          name: 'n',
          token,
          configuration,
          providerData: { code: values[5], secret: values[6] },
        });
        const secrets = [
          redacted.token,
          ...Object.values(redacted.configuration),
          redacted.providerData.code,
          redacted.providerData.secret,
        ];
        expect(secrets.every((value) => value === MASKED_SECRET)).toBe(true);
      }),
    );
  });
});

describe('views of an instance', () => {
  it('marks secret and platform-masked configuration entries as secret', () => {
    const entries = configurationEntries({
      ...redactInstance(instance()),
      configuration: { 'a.b': '********', 'base.url': 'x', n: null },
    });
    expect(entries).toEqual([
      { key: 'a.b', value: '********', secret: true },
      { key: 'base.url', value: 'x', secret: false },
      { key: 'n', value: null, secret: false },
    ]);
  });

  it('builds a create body without code, token, per-authorization or secret values', () => {
    expect(createBodyOf(instance())).toEqual({
      element: { key: 'zohocrmv2' },
      name: 'Acme Zoho',
      tags: ['acme'],
      configuration: { 'oauth.api.key': 'client-id', 'oauth.callback.url': 'https://example.com/cb' },
    });
  });
});
