// Tests of the step 3 bodies: oauth.callback.url is step 1's callbackUrl byte for byte, and for
// Zoho the data center of the callback (from the table, never the URL's host) sets the base URLs.
import { describe, expect, it } from 'vitest';
import { judgeCallback } from '../../../../../main/services/auth-flow/callback-intake';
import type { FlowPlan } from '../../../../../main/services/auth-flow/flow-plan';
import type { InstanceBody } from '../../../../../main/services/cloud-elements/platform-client';
import { createInstanceBody, reauthenticateBody } from '../../../../../main/services/auth-flow/instance-body';
import { planOf } from '../../../../fakes/tenant-resolver';

const STATE = 'st-1';

/** The two parts of a body these tests read (the platform client types a body as a plain record). */
interface SentBody {
  configuration: Record<string, unknown>;
  providerData: Record<string, unknown>;
}
const sent = (body: InstanceBody) => body as unknown as SentBody;
const GRANT = { code: '1000.grant', state: STATE };

/** The body step 3 posts after this callback came back to the flow of this plan. */
function bodyAfter(plan: FlowPlan, query: string) {
  const verdict = judgeCallback(`${plan.callbackUrl}?${query}`, { plan, waitUntil: 1, waitMs: 1 }, 0);
  if (verdict.kind !== 'code') throw verdict.error;
  return sent(createInstanceBody(plan, verdict.callback, verdict.dataCenter));
}

describe('POST /instances: the callback URL of step 1, byte for byte', () => {
  it.each([
    'http://127.0.0.1:53682/oauth/callback/',
    'http://localhost:8080/cb?tenant=acme&x=1',
    'https://Auth.Example.COM/OAuth/Callback',
    'https://auth.example.com/o%20auth/cb%2F?next=%2Fhome',
    'https://auth.example.com:443/cb',
    'https://auth.example.com/cb?',
    'element-auth://oauth/callback',
  ])('%s', async (callbackUrl) => {
    const plan = await planOf({ callbackUrl, state: STATE });
    const body = sent(createInstanceBody(plan, GRANT, undefined));
    expect(body.configuration['oauth.callback.url']).toBe(callbackUrl);
  });

  it('sends the typed URL without the spaces around it, as the vendor console holds it', async () => {
    const plan = await planOf({ callbackUrl: '  https://auth.example.com/cb \n' });
    expect(sent(createInstanceBody(plan, GRANT, undefined)).configuration['oauth.callback.url']).toBe(
      'https://auth.example.com/cb',
    );
  });
});

const ZOHO_TABLE = [
  ['us', 'https://accounts.zoho.com', 'https://www.zohoapis.com'],
  ['eu', 'https://accounts.zoho.eu', 'https://www.zohoapis.eu'],
  ['in', 'https://accounts.zoho.in', 'https://www.zohoapis.in'],
  ['au', 'https://accounts.zoho.com.au', 'https://www.zohoapis.com.au'],
  ['jp', 'https://accounts.zoho.jp', 'https://www.zohoapis.jp'],
  ['cn', 'https://accounts.zoho.com.cn', 'https://www.zohoapis.com.cn'],
  ['ca', 'https://accounts.zohocloud.ca', 'https://www.zohoapis.ca'],
  ['sa', 'https://accounts.zoho.sa', 'https://www.zohoapis.sa'],
  ['uk', 'https://accounts.zoho.uk', 'https://www.zohoapis.uk'],
] as const;

describe('POST /instances: the Zoho data center', () => {
  it.each(ZOHO_TABLE)(
    'location=%s sets the accounts server %s and the API %s',
    async (location, accounts, api) => {
      const plan = await planOf({ state: STATE });
      const server = encodeURIComponent(accounts);
      const body = bodyAfter(
        plan,
        `code=1000.grant&state=${STATE}&location=${location}&accounts-server=${server}`,
      );
      expect(body.configuration).toMatchObject({ 'oauth.base.url': accounts, 'api.base.url': api });
      expect(body.providerData).toEqual({
        code: '1000.grant',
        state: STATE,
        location,
        'accounts-server': accounts,
      });
    },
  );

  it('takes the location over a mismatched accounts-server, and sends the table host, not the URL one', async () => {
    const plan = await planOf({ state: STATE });
    const body = bodyAfter(
      plan,
      `code=c&state=${STATE}&location=eu&accounts-server=${encodeURIComponent('https://accounts.zoho.com')}`,
    );
    expect(body.configuration['oauth.base.url']).toBe('https://accounts.zoho.eu');
    expect(body.providerData['accounts-server']).toBe('https://accounts.zoho.eu');
  });

  it('refuses an accounts-server outside the table, so no body is ever built with it', async () => {
    const plan = await planOf({ state: STATE });
    const server = encodeURIComponent('https://accounts.zoho.eu.evil.example');
    expect(() => bodyAfter(plan, `code=c&state=${STATE}&accounts-server=${server}`)).toThrow(
      'Zoho named a data center this app does not know',
    );
  });

  it('sends the preset defaults, the OAuth client and the scope next to the data center', async () => {
    const plan = await planOf({ state: STATE, scope: 'ZohoCRM.modules.ALL', tags: ['x'] });
    const body = bodyAfter(plan, `code=c&state=${STATE}&location=in`);
    // The user's tags, and the marker that ties a lost answer to this very request.
    expect(body).toMatchObject({
      element: { key: 'zohocrmv2' },
      name: 'Acme – Zoho CRM',
      tags: ['x', plan.marker],
    });
    expect(body.configuration).toMatchObject({
      'oauth.api.key': '1000.CLIENTID',
      'oauth.api.secret': 'client-secret-0123456789',
      'oauth.scope': 'ZohoCRM.modules.ALL',
      'event.vendor.type': 'polling',
      'event.notification.enabled': 'false',
    });
  });
});

describe('POST /instances: a generic element', () => {
  it('sends the user base URLs and no data center, whatever the callback carries', async () => {
    const configuration = {
      'oauth.base.url': 'https://auth.vendor.example',
      'api.base.url': 'https://api.vendor.example',
    };
    const plan = await planOf({ elementKey: 'hubspot', state: STATE, configuration });
    const body = bodyAfter(plan, `code=g1&state=${STATE}&location=eu`);
    expect(body.configuration).toMatchObject(configuration);
    expect(body.configuration).not.toHaveProperty('oauth.scope');
    expect(body.providerData).toEqual({ code: 'g1', state: STATE });
  });
});

describe('PUT /instances/{id}?reAuthenticate=true', () => {
  it('keeps the instance, drops the old user tokens and repeats the callback URL byte for byte', async () => {
    const callbackUrl = 'https://Auth.Example.COM/cb/';
    const plan = await planOf({ callbackUrl, state: STATE, reauthenticateInstanceId: 7 });
    const current = {
      id: 7,
      name: 'Old name',
      tags: ['kept'],
      element: { key: 'zohocrmv2' },
      configuration: {
        'custom.key': 'kept',
        'oauth.user.token': 'old-token',
        'oauth.user.refresh_token': 'old-refresh',
        'oauth.user.refresh_time': '1',
        'oauth.callback.url': 'https://old.example/cb',
      },
    };
    const verdict = judgeCallback(
      `${callbackUrl}?code=c&state=${STATE}&location=uk`,
      { plan, waitUntil: 1, waitMs: 1 },
      0,
    );
    if (verdict.kind !== 'code') throw verdict.error;
    const body = sent(reauthenticateBody(plan, current, verdict.callback, verdict.dataCenter));
    expect(body).toMatchObject({ name: 'Old name', tags: ['kept'] });
    expect(body.configuration).toMatchObject({
      'custom.key': 'kept',
      'oauth.callback.url': callbackUrl,
      'oauth.base.url': 'https://accounts.zoho.uk',
    });
    expect(Object.keys(body.configuration).filter((key) => key.startsWith('oauth.user.'))).toEqual([]);
  });
});
