// The platform client against a hostile fake over real HTTP: a platform that trickles one byte at a
// time is cut off by the total deadline (the message says the real wait), and answers of the wrong shape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformClient, type InstanceBody } from '../../main/services/cloud-elements/platform-client';
import type { AppFailure } from '../../main/services/errors';
import { failureOf } from '../support/failure-of';
import { ZOHO_ACCOUNTS_SERVERS, startFakePlatform, type FakePlatform } from '../fakes/platform-server';

const secrets = { orgSecret: 'org-secret-fake', userSecret: 'user-secret-fake' };
const CALLBACK = 'https://auth.example.com/cb';
const CLIENT = { apiKey: 'client-id-1', apiSecret: 'client-secret-XYZ' };

/** A step 3 body the fake accepts: step 1 and the consent played against it for a fresh grant code. */
async function grantedBody(fake: FakePlatform, name = 'Acme'): Promise<InstanceBody> {
  const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets });
  const { oauthUrl } = await client.getOAuthUrl('zohocrmv2', {
    ...CLIENT,
    callbackUrl: CALLBACK,
    state: 's',
  });
  const redirect = await fetch(oauthUrl, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code');
  return {
    element: { key: 'zohocrmv2' },
    name,
    configuration: {
      'oauth.api.key': CLIENT.apiKey,
      'oauth.api.secret': CLIENT.apiSecret,
      'oauth.callback.url': CALLBACK,
      'oauth.base.url': ZOHO_ACCOUNTS_SERVERS.us,
    },
    providerData: { code, state: 's' },
  };
}

describe('PlatformClient, against a platform that trickles', () => {
  let fake: FakePlatform;
  let body: InstanceBody;
  beforeEach(async () => {
    fake = await startFakePlatform();
    body = await grantedBody(fake);
    fake.behaviour.trickleEveryMs = 100;
  });
  afterEach(async () => {
    await fake.close();
  });

  it('ends a GET at the total deadline, and says how long it really waited, retries included', async () => {
    const client = new PlatformClient(
      { baseUrl: fake.baseUrl, ...secrets },
      { timeoutMs: 700, getRetries: 1, retryDelayMs: 100 },
    );
    const started = Date.now();
    const failure = await failureOf(client.listInstances());
    const waited = (Date.now() - started) / 1000;
    expect(failure.code).toBe('timeout');
    expect(failure.message).toMatch(/did not answer within \d+ seconds? \(asked 2 times\)/);
    const said = Number(/within (\d+) second/.exec(failure.message)?.[1]);
    expect(Math.abs(said - waited)).toBeLessThanOrEqual(1);
    expect(fake.requests.filter((request) => request.path === '/instances')).toHaveLength(2);
  }, 10_000);

  it('ends POST /instances at the deadline as a lost response, without sending it again', async () => {
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, { timeoutMs: 500 });
    const failure = await failureOf(client.createInstance(body));
    expect(failure.code).toBe('response_lost');
    expect(failure.message).toMatch(/did not answer within (less than a second|1 second)/);
    expect(fake.instances.size).toBe(1);
    expect(fake.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  }, 10_000);

  it('lets the caller stop waiting for POST /instances: a lost response too', async () => {
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, { timeoutMs: 60_000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    const failure = await failureOf(client.createInstance(body, stop.signal));
    expect(failure.code).toBe('response_lost');
    expect(failure.message).toMatch(/You stopped waiting after the instance was sent/);
  }, 10_000);
});

describe('PlatformClient, against answers of the wrong shape', () => {
  let fake: FakePlatform;
  let client: PlatformClient;
  beforeEach(async () => {
    fake = await startFakePlatform();
    client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, { sleep: async () => {} });
  });
  afterEach(async () => {
    await fake.close();
  });

  const refused = (failure: AppFailure) => {
    expect(failure.code).toBe('platform_bad_answer');
    expect(failure.message).toMatch(
      /^The platform at 127\.0\.0\.1:\d+ sent .+ \(request [0-9a-f-]{36}\)\.( The instance may exist all the same: look in the instances list\.)?$/,
    );
    expect(failure.details?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failure.message).not.toMatch(/Zod|issues|\n|at .+\.ts/);
  };

  it('refuses a created instance whose id is not a positive safe integer, and shows no token', async () => {
    for (const id of ['../../x', '7', 1.5, -3, 2 ** 60, null]) {
      const body = await grantedBody(fake, `Acme ${String(id)}`);
      fake.behaviour.garbleNext = (answer) => ({ ...(answer as object), id });
      const failure = await failureOf(client.createInstance(body));
      refused(failure);
      expect(failure.message).toContain('the field "id"');
      const token = [...fake.instances.values()].at(-1)?.token ?? '';
      expect(JSON.stringify(failure.toAppError())).not.toContain(token);
    }
  });

  it('refuses a created instance without its token', async () => {
    const body = await grantedBody(fake);
    fake.behaviour.garbleNext = (answer) => ({ ...(answer as object), token: undefined });
    refused(await failureOf(client.createInstance(body)));
  });

  it('refuses an instance list that is not an array, or holds an instance without an id', async () => {
    fake.seedInstances(2);
    fake.behaviour.garbleNext = (answer) => ({ instances: answer });
    refused(await failureOf(client.listInstances()));
    fake.behaviour.garbleNext = (answer) => [...(answer as object[]), { name: 'no id' }];
    refused(await failureOf(client.listInstances()));
  });

  it('refuses an OAuth URL answer without the URL, a heartbeat that is not an object, and an odd instance', async () => {
    fake.behaviour.garbleNext = () => ({ element: 'zohocrmv2' });
    refused(
      await failureOf(
        client.getOAuthUrl('zohocrmv2', {
          apiKey: 'k',
          apiSecret: 's-1',
          callbackUrl: 'https://a.example/cb',
        }),
      ),
    );
    const [seeded] = fake.seedInstances(1);
    fake.behaviour.garbleNext = () => 'pong';
    refused(await failureOf(client.ping(seeded?.token ?? '')));
    fake.behaviour.garbleNext = () => [seeded];
    refused(await failureOf(client.getInstance(seeded?.id ?? 1)));
  });

  it('reads optional fields of the wrong type as absent, keeping the instance', async () => {
    const [seeded] = fake.seedInstances(1);
    fake.behaviour.garbleNext = (answer) => ({
      ...(answer as object),
      tags: 'none',
      createdDate: 5,
      configuration: ['base.url'],
      providerData: 'code',
    });
    const instance = await client.getInstance(seeded?.id ?? 1);
    expect(instance).toMatchObject({ id: seeded?.id, name: seeded?.name });
    expect(instance.tags).toBeUndefined();
    expect(instance.createdDate).toBeUndefined();
    expect(instance.configuration).toBeUndefined();
    expect(instance.providerData).toBeUndefined();
  });

  it('keeps an instance configuration as the platform sent it, values of any type included', async () => {
    const [seeded] = fake.seedInstances(1);
    const configuration = {
      'base.url': 'https://x.example',
      'pagination.max': 200,
      nested: { a: [1] },
      none: null,
    };
    fake.behaviour.garbleNext = (answer) => ({ ...(answer as object), configuration });
    const instance = await client.getInstance(seeded?.id ?? 1);
    expect(instance.configuration).toEqual(configuration);
  });
});
