// The three-step flow end to end against the fake platform and the real keychain, through each
// callback door: loopback (a real GET), paste and the element-auth:// deep link; US and EU bodies exact.
import { afterEach, describe, expect, it } from 'vitest';
import { ZOHO_DEFAULT_SCOPE, ZOHO_POLLER_EXAMPLE } from '../../main/services/elements/element-presets';
import { silentLogger } from '../../main/services/ports';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import {
  CLIENT,
  SAVED_APP,
  TENANT_ID,
  asDeepLink,
  consent,
  freePort,
  instanceRequests,
  leakedSecrets,
  startFlowWorld,
  startInput,
  type FlowWorld,
} from './auth-flow-support';

let world: FlowWorld;
afterEach(async () => {
  await world.close();
});

function zohoBody(options: { code: string; state: string; callbackUrl: string; dc: 'us' | 'eu' }) {
  const hosts = {
    us: { accounts: 'https://accounts.zoho.com', api: 'https://www.zohoapis.com' },
    eu: { accounts: 'https://accounts.zoho.eu', api: 'https://www.zohoapis.eu' },
  }[options.dc];
  return {
    element: { key: 'zohocrmv2' },
    name: 'Acme Zoho',
    /** The user's tags, then the marker that ties the instance to this request after a lost answer. */
    tags: ['acme', expect.stringMatching(/^element-auth-request:[\w-]{12}$/) as string],
    configuration: {
      'event.vendor.type': 'polling',
      'event.poller.refresh_interval': '15',
      'event.notification.enabled': 'false',
      'oauth.api.key': CLIENT.apiKey,
      'oauth.api.secret': CLIENT.apiSecret,
      'oauth.callback.url': options.callbackUrl,
      'oauth.scope': ZOHO_DEFAULT_SCOPE,
      'oauth.base.url': hosts.accounts,
      'api.base.url': hosts.api,
    },
    providerData: {
      code: options.code,
      state: options.state,
      location: options.dc,
      'accounts-server': hosts.accounts,
    },
  };
}

describe('auth flow: happy paths', () => {
  it('US through the loopback door: one POST with the exact body, token in the keychain only', async () => {
    world = await startFlowWorld('flow-us');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const waiting = await world.flow.start(startInput(callbackUrl));
    expect(waiting).toMatchObject({
      step: 'awaiting-consent',
      door: 'loopback',
      callbackUrl,
      tenantId: TENANT_ID,
    });
    if (waiting.step !== 'awaiting-consent') throw new Error('not waiting');
    expect(world.opened).toEqual([waiting.authUrl]);
    const state = new URL(waiting.authUrl).searchParams.get('state') ?? '';
    expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const location = await consent(waiting);
    expect(location.startsWith(`${callbackUrl}?`)).toBe(true);
    const browser = await fetch(location);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('You can close this tab');

    const done = await world.flow.settled();
    expect(done).toMatchObject({
      step: 'done',
      reauthenticated: false,
      instance: { name: 'Acme Zoho', dataCenter: 'us' },
    });
    const posts = instanceRequests(world).filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    const code = new URL(location).searchParams.get('code') ?? '';
    expect(posts[0]?.body).toEqual(zohoBody({ code, state, callbackUrl, dc: 'us' }));

    const [instance] = [...world.platform.instances.values()];
    if (!instance || done.step !== 'done') throw new Error('no instance');
    expect(done.instance).toEqual({
      id: instance.id,
      name: 'Acme Zoho',
      elementKey: 'zohocrmv2',
      createdDate: instance.createdDate,
      tokenHint: `••••${instance.token.slice(-4)}`,
      dataCenter: 'us',
    });
    expect(await world.secrets.get(world.tokenAccount(instance.id))).toBe(instance.token);
    expect(world.views().map((view) => view.step)).toEqual([
      'fetching-url',
      'awaiting-consent',
      'creating',
      'done',
    ]);
    expect(leakedSecrets(world)).toEqual([]);
    await expect(fetch(location)).rejects.toThrow();
  });

  it('EU through the paste door: the EU hosts from the table in configuration and providerData', async () => {
    world = await startFlowWorld('flow-eu');
    const callbackUrl = 'https://auth.example.com/oauth/callback';
    const waiting = await world.flow.start(startInput(callbackUrl));
    expect(waiting).toMatchObject({ step: 'awaiting-consent', door: 'paste' });
    const location = await consent(waiting, '&dc=eu');
    const done = await world.flow.paste(location);
    expect(done).toMatchObject({ step: 'done', instance: { dataCenter: 'eu' } });
    const params = new URL(location).searchParams;
    const [post] = instanceRequests(world);
    expect(post?.body).toEqual(
      zohoBody({ code: params.get('code') ?? '', state: params.get('state') ?? '', callbackUrl, dc: 'eu' }),
    );
    expect(leakedSecrets(world)).toEqual([]);
  });

  it('through the element-auth:// door, with the creating step showing the code lifetime', async () => {
    world = await startFlowWorld('flow-protocol');
    const waiting = await world.flow.start(startInput('element-auth://oauth/callback'));
    expect(waiting).toMatchObject({ step: 'awaiting-consent', door: 'protocol' });
    const location = await consent(waiting, '&dc=eu');
    expect(location.startsWith('element-auth://oauth/callback?')).toBe(true);
    const done = await world.flow.handleDeepLink(location);
    expect(done.step).toBe('done');
    expect(world.views().find((view) => view.step === 'creating')).toMatchObject({
      codeExpiresAt: world.now + 120_000,
      dataCenter: 'eu',
    });
  });

  it('takes a deep link forwarded by a hosted callback page (same state, same callback URL in step 3)', async () => {
    world = await startFlowWorld('flow-forwarded');
    const callbackUrl = 'https://auth.example.com/oauth/callback';
    const waiting = await world.flow.start(startInput(callbackUrl));
    const done = await world.flow.handleDeepLink(asDeepLink(await consent(waiting)));
    expect(done.step).toBe('done');
    const [post] = instanceRequests(world);
    expect(
      (post?.body as { configuration: Record<string, string> }).configuration['oauth.callback.url'],
    ).toBe(callbackUrl);
  });

  it('uses a saved OAuth app, events settings, and keeps the signature key in the keychain', async () => {
    world = await startFlowWorld('flow-app-events');
    const waiting = await world.flow.start({
      ...startInput(SAVED_APP.callbackUrl, { apiKey: undefined, apiSecret: undefined }),
      oauthAppId: SAVED_APP.id,
      state: 'my-own-state',
      events: {
        enabled: true,
        vendorType: 'polling',
        refreshIntervalMinutes: 5,
        pollerConfiguration: ZOHO_POLLER_EXAMPLE,
        notificationCallbackUrl: 'https://hooks.example.com/ce',
        signatureKey: 'signature-key-secret-1',
      },
    });
    if (waiting.step !== 'awaiting-consent') throw new Error(waiting.step);
    expect(new URL(waiting.authUrl).searchParams.get('state')).toBe('my-own-state');
    const done = await world.flow.paste(await consent(waiting));
    if (done.step !== 'done') throw new Error(done.step);
    const body = instanceRequests(world)[0]?.body as { configuration: Record<string, string> };
    expect(body.configuration).toMatchObject({
      'oauth.api.key': SAVED_APP.clientId,
      'oauth.api.secret': 'saved-client-secret-XYZ',
      'event.notification.enabled': 'true',
      'event.poller.refresh_interval': '5',
      'event.poller.configuration': JSON.stringify(JSON.parse(ZOHO_POLLER_EXAMPLE)),
      'event.notification.callback.url': 'https://hooks.example.com/ce',
      'event.notification.signature.key': 'signature-key-secret-1',
    });
    expect(await world.secrets.get(secretAccounts.signatureKey(TENANT_ID, done.instance.id))).toBe(
      'signature-key-secret-1',
    );
    expect(JSON.stringify(world.emitted)).not.toContain('signature-key-secret-1');
    expect(leakedSecrets(world)).toEqual([]);
  });

  it('tells the log what to hide: the typed client secret and the grant code, before any line is written', async () => {
    const hidden: string[] = [];
    world = await startFlowWorld('flow-hide', {
      log: { ...silentLogger, hide: (secret) => hidden.push(secret) },
    });
    const waiting = await world.flow.start(startInput('https://auth.example.com/oauth/callback'));
    expect(hidden).toEqual([CLIENT.apiSecret]);
    const redirected = await consent(waiting);
    expect(await world.flow.paste(redirected)).toMatchObject({ step: 'done' });
    expect(hidden).toEqual([CLIENT.apiSecret, new URL(redirected).searchParams.get('code')]);
  });

  it('runs a generic OAuth 2 element without Zoho data-center keys', async () => {
    world = await startFlowWorld('flow-generic');
    const waiting = await world.flow.start(
      startInput('https://auth.example.com/oauth/callback', {
        elementKey: 'hubspotcrm',
        scope: 'crm.objects.contacts.read',
        configuration: { 'api.base.url': 'https://api.hubapi.com' },
      }),
    );
    const done = await world.flow.paste(await consent(waiting));
    expect(done).toMatchObject({ step: 'done', instance: { elementKey: 'hubspotcrm' } });
    const body = instanceRequests(world)[0]?.body as Record<string, Record<string, string>>;
    expect(body.configuration).toEqual({
      'api.base.url': 'https://api.hubapi.com',
      'oauth.api.key': CLIENT.apiKey,
      'oauth.api.secret': CLIENT.apiSecret,
      'oauth.callback.url': 'https://auth.example.com/oauth/callback',
      'oauth.scope': 'crm.objects.contacts.read',
    });
    expect(Object.keys(body.providerData ?? {})).toEqual(['code', 'state']);
  });
});
