// Tests of planFlow: the callback door, the state, the OAuth client (typed, saved or missing), the
// scope's precedence, generic base URLs, events → configuration, the signature key and re-authentication.
import { describe, expect, it } from 'vitest';
import { FlowStartSchema, type FlowStart } from '../../../../../common/contract';
import { planFlow } from '../../../../../main/services/auth-flow/flow-plan';
import { ZOHO_DEFAULT_SCOPE } from '../../../../../main/services/elements/element-presets';
import { ACME, MemoryTenantResolver, planOf, START } from '../../../../fakes/tenant-resolver';

const SAVED_APP = {
  tenantId: ACME.tenantId,
  app: {
    id: 'app-1',
    name: 'Zoho prod',
    clientId: '1000.SAVEDCLIENT',
    clientSecret: 'saved-secret-0123456789',
    callbackUrl: 'element-auth://oauth/callback',
    scope: 'ZohoCRM.modules.ALL',
  },
};
const withSavedApp = () => new MemoryTenantResolver([ACME], { 'app-1': SAVED_APP });
const NO_CLIENT = { apiKey: undefined, apiSecret: undefined };

const POLLER = JSON.stringify({
  contacts: { url: '/hubs/crm/contacts', idField: 'id', datesConfiguration: { updatedDateField: 'x' } },
});
const events = (overrides: Partial<NonNullable<FlowStart['events']>> = {}) => ({
  enabled: true,
  vendorType: 'polling' as const,
  refreshIntervalMinutes: 15,
  pollerConfiguration: POLLER,
  notificationCallbackUrl: 'https://hooks.example.com/ce',
  signatureKey: '  sig-key-123  ',
  ...overrides,
});

describe('planFlow: the callback door', () => {
  it.each([
    ['element-auth://oauth/callback', 'protocol'],
    ['http://127.0.0.1:53682/oauth/callback', 'loopback'],
    ['http://localhost:8080/cb', 'loopback'],
    ['http://[::1]:9000/cb', 'loopback'],
    ['https://auth.example.com/oauth/callback', 'paste'],
  ])('%s opens the %s door and is kept as the callbackUrl', async (callbackUrl, door) => {
    const plan = await planOf({ callbackUrl });
    expect(plan.door).toBe(door);
    expect(plan.callbackUrl).toBe(callbackUrl);
  });
});

describe('planFlow: the state', () => {
  it('keeps a typed state, trimmed', async () => {
    expect((await planOf({ state: '  my-state.42  ' })).state).toBe('my-state.42');
  });

  it.each([undefined, '', '   '])(
    'picks a random state of its own for %j, new for every flow',
    async (state) => {
      const first = await planOf({ state });
      const second = await planOf({ state });
      expect(first.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(second.state).not.toBe(first.state);
      expect(second.flowId).not.toBe(first.flowId);
    },
  );

  it.each(['two words', 'quo"te', "it's", 'x'.repeat(201)])(
    'refuses the malformed state %j with one sentence, in the contract and in planFlow',
    async (state) => {
      const sentence = 'A state is one word of at most 200 characters, without spaces or quotes.';
      expect(() => FlowStartSchema.parse({ ...START, state })).toThrow(sentence);
      const parsed = { ...FlowStartSchema.parse(START), state };
      await expect(planFlow(parsed, new MemoryTenantResolver())).rejects.toMatchObject({
        code: 'invalid_input',
        message: sentence,
      });
    },
  );
});

describe('planFlow: the OAuth client', () => {
  it('takes the typed client id (trimmed) and secret (as typed)', async () => {
    const plan = await planOf({ apiKey: '  1000.TYPED  ', apiSecret: ' typed secret ' });
    expect(plan).toMatchObject({ apiKey: '1000.TYPED', apiSecret: ' typed secret ' });
  });

  it('takes the saved app of the resolved tenant when nothing is typed', async () => {
    const resolver = withSavedApp();
    const plan = await planOf({ ...NO_CLIENT, oauthAppId: 'app-1' }, resolver);
    expect(plan).toMatchObject({ apiKey: '1000.SAVEDCLIENT', apiSecret: 'saved-secret-0123456789' });
    expect(plan.tenant).toEqual(ACME);
    expect(resolver.asked.apps).toEqual(['app-1']);
  });

  it('lets typed values win over the saved app, field by field', async () => {
    const plan = await planOf(
      { apiKey: '1000.TYPED', apiSecret: undefined, oauthAppId: 'app-1' },
      withSavedApp(),
    );
    expect(plan).toMatchObject({ apiKey: '1000.TYPED', apiSecret: 'saved-secret-0123456789' });
  });

  it.each([
    [{ apiKey: undefined }, 'Enter the OAuth client id, or choose a saved OAuth app.'],
    [{ apiKey: '   ' }, 'Enter the OAuth client id, or choose a saved OAuth app.'],
    [{ apiSecret: undefined }, 'Enter the OAuth client secret, or choose a saved OAuth app.'],
    [{ apiSecret: '' }, 'Enter the OAuth client secret, or choose a saved OAuth app.'],
  ])('refuses a missing client (%j): %s', async (overrides, message) => {
    await expect(planOf(overrides)).rejects.toMatchObject({ code: 'invalid_input', message });
  });

  it('passes on the resolver failure for a saved app that is gone', async () => {
    await expect(planOf({ ...NO_CLIENT, oauthAppId: 'gone' }, withSavedApp())).rejects.toMatchObject({
      code: 'oauth_app_not_found',
    });
  });

  it('asks the resolver for the named tenant, or the active one when none is named', async () => {
    const other = { ...ACME, tenantId: 't-other', tenantName: 'Other' };
    const resolver = new MemoryTenantResolver([ACME, other]);
    expect((await planOf({ tenant: 'Other' }, resolver)).tenant).toEqual(other);
    expect((await planOf({}, resolver)).tenant).toEqual(ACME);
    await expect(planOf({}, new MemoryTenantResolver([ACME], {}, null))).rejects.toMatchObject({
      code: 'no_active_tenant',
    });
  });
});

describe('planFlow: the scope', () => {
  it.each([
    ['typed beats the saved app', { scope: ' typed.scope ', oauthAppId: 'app-1' }, 'typed.scope'],
    ['the saved app beats the preset', { scope: '  ', oauthAppId: 'app-1' }, 'ZohoCRM.modules.ALL'],
    ['the Zoho preset default without either', {}, ZOHO_DEFAULT_SCOPE],
    ['none for a generic element without either', { elementKey: 'hubspot' }, ''],
  ])('%s', async (_case, overrides, scope) => {
    expect((await planOf(overrides, withSavedApp())).scope).toBe(scope);
  });
});

describe('planFlow: configuration of a generic element', () => {
  it('keeps https base URLs and other keys, trimmed, and drops empty key names', async () => {
    const plan = await planOf({
      elementKey: 'hubspot',
      configuration: {
        ' oauth.base.url ': ' https://auth.vendor.example ',
        'api.base.url': 'HTTPS://api.vendor.example',
        'custom.key': ' value ',
        '  ': 'ignored',
      },
    });
    expect(plan.preset.generic).toBe(true);
    expect(plan.extraConfiguration).toEqual({
      'oauth.base.url': 'https://auth.vendor.example',
      'api.base.url': 'HTTPS://api.vendor.example',
      'custom.key': 'value',
    });
  });

  it.each([
    ['oauth.base.url', 'http://auth.vendor.example'],
    ['api.base.url', 'ftp://api.vendor.example'],
    ['api.base.url', 'api.vendor.example'],
    ['api.base.url', 'https://user:password@api.vendor.example'],
    ['oauth.base.url', 'https://'],
  ])('refuses %s = %s: base URLs are https only', async (key, value) => {
    await expect(planOf({ elementKey: 'hubspot', configuration: { [key]: value } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: `${key} must be an https URL.`,
    });
  });

  it('lets a base URL be left empty, and a non-base key be plain http', async () => {
    const plan = await planOf({ configuration: { 'api.base.url': ' ', 'docs.url': 'http://x.example' } });
    expect(plan.extraConfiguration).toEqual({ 'api.base.url': '', 'docs.url': 'http://x.example' });
  });
});

describe('planFlow: events', () => {
  it('turns enabled events into configuration and keeps the signature key, trimmed', async () => {
    const plan = await planOf({ events: events() });
    expect(plan.eventsConfiguration).toEqual({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'polling',
      'event.poller.refresh_interval': '15',
      'event.poller.configuration': POLLER,
      'event.notification.callback.url': 'https://hooks.example.com/ce',
      'event.notification.signature.key': 'sig-key-123',
    });
    expect(plan.signatureKey).toBe('sig-key-123');
  });

  it.each([
    ['events off', { events: events({ enabled: false }) }, { 'event.notification.enabled': 'false' }],
    ['no events at all', {}, {}],
  ])('keeps no signature key with %s', async (_case, overrides, configuration) => {
    const plan = await planOf(overrides);
    expect(plan.eventsConfiguration).toEqual(configuration);
    expect(plan).not.toHaveProperty('signatureKey');
  });

  it('keeps no signature key when events are on but the key is blank', async () => {
    const plan = await planOf({ events: events({ signatureKey: '   ' }) });
    expect(plan).not.toHaveProperty('signatureKey');
    expect(plan.eventsConfiguration).not.toHaveProperty('event.notification.signature.key');
  });

  it.each([
    [{ pollerConfiguration: '{' }, 'The poller configuration is not valid JSON.'],
    [
      { notificationCallbackUrl: 'http://hooks.example.com' },
      'The event notification callback URL must be an https URL.',
    ],
  ])('refuses bad events settings (%j) before anything is sent', async (overrides, message) => {
    await expect(planOf({ events: events(overrides) })).rejects.toMatchObject({
      code: 'invalid_input',
      message,
    });
  });
});

describe('planFlow: what the plan carries', () => {
  it('carries the instance, tags, preset and the instance to re-authenticate', async () => {
    const plan = await planOf({ tags: [' a ', 'b'], reauthenticateInstanceId: 4711 });
    expect(plan).toMatchObject({
      elementKey: 'zohocrmv2',
      instanceName: 'Acme – Zoho CRM',
      tags: ['a', 'b'],
      reauthenticateInstanceId: 4711,
    });
    expect(plan.preset.key).toBe('zohocrmv2');
    expect(plan.preset.dataCenters.length).toBeGreaterThan(0);
  });

  it('has no instance to re-authenticate for a new instance', async () => {
    expect(await planOf()).not.toHaveProperty('reauthenticateInstanceId');
  });
});
