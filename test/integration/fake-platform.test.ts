// Tests of the fake Cloud Elements platform itself, over real HTTP with global fetch.
// Owns the proof that the fake enforces the seed's contract strictly (secrets, codes, callback, DC).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MASK, startFakePlatform, type FakePlatform } from '../fakes/platform-server.js';

const AUTH = 'User user-secret-fake, Organization org-secret-fake';
const CALLBACK = 'http://127.0.0.1:53682/oauth/callback';
const CLIENT = { apiKey: 'client-id-1', apiSecret: 'client-secret-1' };

let platform: FakePlatform;
let clock: number;

beforeEach(async () => {
  clock = Date.UTC(2024, 0, 1);
  platform = await startFakePlatform({ now: () => clock });
});

afterEach(async () => {
  await platform.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${platform.baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: { authorization: AUTH, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function oauthUrl(params: Record<string, string>, element = 'zohocrmv2') {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${platform.baseUrl}/elements/${element}/oauth/url?${query}`, {
    redirect: 'manual',
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Steps 1 and 2: returns the query of the vendor's redirect to the callback. */
async function consent(extra = '', callbackUrl = CALLBACK): Promise<URLSearchParams> {
  const { json } = await oauthUrl({ ...CLIENT, callbackUrl });
  const response = await fetch(`${String(json.oauthUrl)}${extra}`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = response.headers.get('location') ?? '';
  expect(location.startsWith(`${callbackUrl}?`)).toBe(true);
  return new URL(location).searchParams;
}

function instanceBody(code: string, overrides: Record<string, string> = {}, name = 'Acme Zoho') {
  return {
    element: { key: 'zohocrmv2' },
    name,
    tags: ['acme'],
    configuration: {
      'oauth.api.key': CLIENT.apiKey,
      'oauth.api.secret': CLIENT.apiSecret,
      'oauth.callback.url': CALLBACK,
      'oauth.base.url': 'https://accounts.zoho.com',
      'api.base.url': 'https://www.zohoapis.com',
      ...overrides,
    },
    providerData: {
      code,
      state: 'zohocrmv2',
      location: 'us',
      'accounts-server': 'https://accounts.zoho.com',
    },
  };
}

async function createInstance(name = 'Acme Zoho') {
  const redirect = await consent();
  const created = await call('POST', '/instances', instanceBody(redirect.get('code') ?? '', {}, name));
  expect(created.status).toBe(200);
  return created.json as { id: number; token: string } & Record<string, unknown>;
}

function ping(token: string) {
  return call('GET', '/hubs/crm/ping', undefined, { authorization: `${AUTH}, Element ${token}` });
}

describe('fake platform: OAuth flow', () => {
  it('runs the happy path: oauth url, consent, create instance, ping', async () => {
    const step1 = await oauthUrl({ ...CLIENT, callbackUrl: CALLBACK });
    expect(step1.status).toBe(200);
    expect(step1.json.element).toBe('zohocrmv2');
    const oauth = new URL(String(step1.json.oauthUrl));
    expect(oauth.origin).toBe(platform.origin);
    expect(oauth.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(oauth.searchParams.get('state')).toBe('zohocrmv2');

    const redirect = await consent();
    expect(redirect.get('location')).toBe('us');
    expect(redirect.get('accounts-server')).toBe('https://accounts.zoho.com');
    const body = instanceBody(redirect.get('code') ?? '');
    const created = await call('POST', '/instances', body);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      name: 'Acme Zoho',
      valid: true,
      disabled: false,
      element: { key: 'zohocrmv2' },
    });
    expect(String(created.json.token)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(created.json.configuration).toMatchObject({ 'oauth.api.key': MASK, 'oauth.api.secret': MASK });
    expect(platform.requests.at(-1)).toMatchObject({ method: 'POST', path: '/instances', body });

    const pinged = await ping(String(created.json.token));
    expect(pinged.status).toBe(200);
    expect(pinged.json.endpoint).toBe('zohocrmv2');
  });

  it('answers 400 for each missing oauth url parameter, in the platform error shape', async () => {
    for (const missing of ['apiKey', 'apiSecret', 'callbackUrl']) {
      const params: Record<string, string> = { ...CLIENT, callbackUrl: CALLBACK };
      delete params[missing];
      const { status, json } = await oauthUrl(params);
      expect(status).toBe(400);
      expect(json.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(json.message).toContain(missing);
    }
  });

  it('answers 404 for an unknown element', async () => {
    expect((await oauthUrl({ ...CLIENT, callbackUrl: CALLBACK }, 'nosuchelement')).status).toBe(404);
  });

  it('redirects with error=access_denied when the user denies', async () => {
    const redirect = await consent('&deny=1');
    expect(redirect.get('error')).toBe('access_denied');
    expect(redirect.get('code')).toBeNull();
    expect(redirect.get('state')).toBe('zohocrmv2');
  });

  it('rejects consent for a client_id never seen in step 1', async () => {
    const response = await fetch(
      `${platform.origin}/fake-vendor/oauth2/auth?client_id=nobody&redirect_uri=${CALLBACK}`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(400);
  });
});

describe('fake platform: POST /instances is strict', () => {
  it('answers 401 for wrong or misordered secrets', async () => {
    const code = (await consent()).get('code') ?? '';
    for (const authorization of [
      'User wrong, Organization org-secret-fake',
      'Organization org-secret-fake, User user-secret-fake',
      '',
    ]) {
      const { status, json } = await call('POST', '/instances', instanceBody(code), { authorization });
      expect(status).toBe(401);
      expect(json.message).toBe('Invalid Organization or User secret, or invalid Element token provided.');
    }
    expect(
      (await call('GET', '/instances', undefined, { authorization: 'User x, Organization y' })).status,
    ).toBe(401);
  });

  it('answers 415 without a JSON content type and 400 for malformed or incomplete bodies', async () => {
    const code = (await consent()).get('code') ?? '';
    expect(
      (await call('POST', '/instances', instanceBody(code), { 'content-type': 'text/plain' })).status,
    ).toBe(415);
    expect((await call('POST', '/instances', '{"name":')).status).toBe(400);
    expect((await call('POST', '/instances', { ...instanceBody(code), name: undefined })).status).toBe(400);
    expect((await call('POST', '/instances', { ...instanceBody(code), element: {} })).status).toBe(400);
    expect((await call('POST', '/instances', { ...instanceBody(code), providerData: {} })).status).toBe(400);
  });

  it('refuses a reused code', async () => {
    const code = (await consent()).get('code') ?? '';
    expect((await call('POST', '/instances', instanceBody(code))).status).toBe(200);
    const reused = await call('POST', '/instances', instanceBody(code, {}, 'Second'));
    expect(reused.status).toBe(400);
    expect(reused.json.providerMessage).toBe('invalid_code');
    expect(reused.json.message).toMatch(/already used/);
  });

  it('refuses an expired code, by the injected clock', async () => {
    const code = (await consent()).get('code') ?? '';
    clock += 120_001;
    const expired = await call('POST', '/instances', instanceBody(code));
    expect(expired.status).toBe(400);
    expect(expired.json.providerMessage).toBe('invalid_code');
    expect(expired.json.message).toMatch(/expired/);
  });

  it('refuses a callback url that differs from step 1 by one byte, and spends the code', async () => {
    const code = (await consent()).get('code') ?? '';
    const mismatch = await call(
      'POST',
      '/instances',
      instanceBody(code, { 'oauth.callback.url': `${CALLBACK}/` }),
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.message).toMatch(/redirect_uri mismatch/);
    expect((await call('POST', '/instances', instanceBody(code))).status).toBe(400);
  });

  it("exchanges a Zoho code only at the user's data center", async () => {
    const eu = await consent('&dc=eu');
    expect(eu.get('accounts-server')).toBe('https://accounts.zoho.eu');
    const wrongDc = await call('POST', '/instances', instanceBody(eu.get('code') ?? ''));
    expect(wrongDc.status).toBe(400);
    const euCode = (await consent('&dc=eu')).get('code') ?? '';
    const rightDc = await call(
      'POST',
      '/instances',
      instanceBody(euCode, { 'oauth.base.url': 'https://accounts.zoho.eu' }),
    );
    expect(rightDc.status).toBe(200);
  });

  it('answers 409 for a duplicate instance name', async () => {
    await createInstance('Twin');
    const code = (await consent()).get('code') ?? '';
    expect((await call('POST', '/instances', instanceBody(code, {}, 'Twin'))).status).toBe(409);
  });
});

describe('fake platform: instances', () => {
  it('lists, gets, patches, re-authenticates and deletes', async () => {
    const created = await createInstance();
    expect((await call('GET', '/instances')).json).toHaveLength(1);
    expect((await call('GET', `/instances/${created.id}`)).json.name).toBe('Acme Zoho');
    expect((await call('GET', '/instances/999')).status).toBe(404);

    const patched = await call('PATCH', `/instances/${created.id}`, {
      tags: ['vip'],
      configuration: { 'x.y': 'z' },
    });
    expect(patched.json).toMatchObject({ name: 'Acme Zoho', tags: ['vip'], configuration: { 'x.y': 'z' } });

    const code = (await consent()).get('code') ?? '';
    const reAuth = await call(
      'PUT',
      `/instances/${created.id}?reAuthenticate=true`,
      instanceBody(code, {}, 'Renamed'),
    );
    expect(reAuth.status).toBe(200);
    expect(reAuth.json.name).toBe('Renamed');
    expect(reAuth.json.token).not.toBe(created.token);
    expect((await ping(created.token)).status).toBe(401);
    const spent = await call('PUT', `/instances/${created.id}?reAuthenticate=true`, instanceBody(code));
    expect(spent.status).toBe(400);

    const deleted = await call('DELETE', `/instances/${created.id}`);
    expect(deleted).toEqual({ status: 200, json: {} });
    expect((await ping(String(reAuth.json.token))).status).toBe(401);
    expect((await call('GET', `/instances/${created.id}`)).status).toBe(404);
  });

  it('creates the instance but loses the response when dropNextCreateResponse is set', async () => {
    const code = (await consent()).get('code') ?? '';
    platform.behaviour.dropNextCreateResponse = true;
    await expect(call('POST', '/instances', instanceBody(code))).rejects.toThrow();
    const listed = (await call('GET', '/instances')).json as unknown as { name: string }[];
    expect(listed.map((instance) => instance.name)).toEqual(['Acme Zoho']);
  });

  it('fails the next request on demand, answers 404 elsewhere, and seeds in bulk', async () => {
    platform.behaviour.failNext = { status: 503, message: 'Service Unavailable' };
    expect(await call('GET', '/instances')).toMatchObject({
      status: 503,
      json: { message: 'Service Unavailable' },
    });
    expect((await call('GET', '/instances')).status).toBe(200);
    expect((await call('GET', '/nothing/here')).status).toBe(404);

    platform.seedInstances(10_000);
    expect(platform.instances.size).toBe(10_000);
    expect((await call('GET', '/instances')).json).toHaveLength(10_000);
  });

  it('streams a long list as a server does (chunked), byte for byte the list it holds', async () => {
    platform.seedInstances(2_500);
    const answer = await fetch(`${platform.baseUrl}/instances`, { headers: { authorization: AUTH } });
    expect(answer.headers.get('transfer-encoding')).toBe('chunked');
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await answer.text()).toBe(JSON.stringify([...platform.instances.values()]));
  });

  it('delays answers by behaviour.delayMs', async () => {
    platform.behaviour.delayMs = 300;
    const signal = AbortSignal.timeout(100);
    await expect(
      fetch(`${platform.baseUrl}/instances`, { headers: { authorization: AUTH }, signal }),
    ).rejects.toThrow();
  });
});
