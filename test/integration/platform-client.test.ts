// The platform client against the fake over real HTTP: GETs retried on 5xx, POST /instances never
// resent, typed errors with the platform's requestId, timeouts, unreachable hosts and the https rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformClient } from '../../main/services/cloud-elements/platform-client';
import type { AppFailure } from '../../main/services/errors';
import { failureOf } from '../support/failure-of';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';

const secrets = { orgSecret: 'org-secret-fake', userSecret: 'user-secret-fake' };
const noWait = { sleep: async () => {}, timeoutMs: 2_000 };

describe('PlatformClient', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('retries an idempotent GET after a 5xx and succeeds', async () => {
    fake.behaviour.failNext = { status: 503, message: 'Service unavailable' };
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, noWait);
    await expect(client.listInstances()).resolves.toEqual([]);
    expect(fake.requests.filter((r) => r.path.endsWith('/instances'))).toHaveLength(2);
  });

  it('never resends POST /instances by itself', async () => {
    fake.behaviour.failNext = { status: 503, message: 'Service unavailable' };
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, noWait);
    const failure = await failureOf(client.createInstance({ element: { key: 'zohocrmv2' }, name: 'x' }));
    expect(failure.code).toBe('platform_server_error');
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('maps 401 to a sentence about the tenant secrets, without echoing them', async () => {
    const client = new PlatformClient(
      { baseUrl: fake.baseUrl, orgSecret: 'wrong-org', userSecret: 'wrong-user' },
      noWait,
    );
    const failure = await failureOf(client.listInstances());
    expect(failure.code).toBe('platform_unauthorized');
    expect(failure.details?.status).toBe(401);
    expect(failure.details?.requestId).toMatch(/\S+/);
    expect(JSON.stringify(failure.toAppError())).not.toMatch(/wrong-org|wrong-user/);
  });

  it("carries the platform's message and requestId on a 400", async () => {
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, noWait);
    const failure = await failureOf(
      client.getOAuthUrl('zohocrmv2', { apiKey: 'k', apiSecret: '', callbackUrl: 'https://a.example/cb' }),
    );
    expect(failure.code).toBe('platform_bad_request');
    expect(failure.details?.platformMessage).toBeTruthy();
    expect(failure.message).toContain(failure.details?.platformMessage ?? '');
  });

  it('never repeats a secret the request carried when the platform echoes it back', async () => {
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, noWait);
    const shown = (failure: AppFailure) => JSON.stringify(failure.toAppError());

    fake.behaviour.failNext = { status: 400, message: 'Bad apiSecret client-secret-XYZ for apiKey k' };
    const step1 = await failureOf(
      client.getOAuthUrl('zohocrmv2', {
        apiKey: 'k',
        apiSecret: 'client-secret-XYZ',
        callbackUrl: 'https://a.example/cb',
      }),
    );
    expect(shown(step1)).not.toContain('client-secret-XYZ');
    expect(step1.details?.platformMessage).toBe('Bad apiSecret [redacted] for apiKey k');

    fake.behaviour.failNext = {
      status: 409,
      message:
        'Conflict for code grant-code-123 with oauth.api.secret=client-secret-XYZ, org org-secret-fake',
    };
    const step3 = await failureOf(
      client.createInstance({
        element: { key: 'zohocrmv2' },
        name: 'x',
        configuration: { 'oauth.api.secret': 'client-secret-XYZ' },
        providerData: { code: 'grant-code-123', state: 's' },
      }),
    );
    expect(step3.code).toBe('platform_conflict');
    for (const secret of ['client-secret-XYZ', 'grant-code-123', 'org-secret-fake']) {
      expect(shown(step3)).not.toContain(secret);
    }

    fake.behaviour.failNext = { status: 500, message: 'Token element-token-777 refused' };
    const ping = await failureOf(client.ping('element-token-777'));
    expect(shown(ping)).not.toContain('element-token-777');
  });

  it("shows the platform's words without control characters and cut to a readable length", async () => {
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, noWait);
    fake.behaviour.failNext = {
      status: 403,
      message: `Denied\u001b]0;owned\u0007\u001b[2J${'x'.repeat(5000)}`,
    };
    const failure = await failureOf(client.deleteInstance(1));
    expect(failure.message).not.toMatch(/\p{Cc}/u);
    expect(failure.details?.platformMessage?.length).toBeLessThanOrEqual(1001);
  });

  it('gives up after the timeout with a timeout failure', async () => {
    fake.behaviour.delayMs = 1_500;
    const client = new PlatformClient(
      { baseUrl: fake.baseUrl, ...secrets },
      { ...noWait, timeoutMs: 200, getRetries: 0 },
    );
    const failure = await failureOf(client.listInstances());
    expect(failure.code).toBe('timeout');
    expect(failure.message).toMatch(/did not answer/);
  });

  it('stops reading an answer larger than its limit, says so, and does not ask again', async () => {
    fake.seedInstances(50);
    const client = new PlatformClient(
      { baseUrl: fake.baseUrl, ...secrets },
      { ...noWait, maxResponseBytes: 4_000 },
    );
    const failure = await failureOf(client.listInstances());
    expect(failure.code).toBe('platform_server_error');
    expect(failure.message).toMatch(/sent an answer larger than 4 KB, so the app stopped reading it/);
    expect(fake.requests.filter((r) => r.path.endsWith('/instances'))).toHaveLength(1);
  });

  it('says the platform is unreachable when nothing listens', async () => {
    const closed = fake.baseUrl;
    await fake.close();
    fake = await startFakePlatform();
    const client = new PlatformClient({ baseUrl: closed, ...secrets }, { ...noWait, getRetries: 1 });
    const failure = await failureOf(client.listInstances());
    expect(failure.code).toBe('platform_unreachable');
  });

  it('refuses plain http to a remote host before sending anything', () => {
    expect(
      () => new PlatformClient({ baseUrl: 'http://api.example.com/elements/api-v2', ...secrets }),
    ).toThrow(expect.objectContaining({ code: 'insecure_url' }));
  });

  it('sends the Element token only on the hub ping', async () => {
    const client = new PlatformClient({ baseUrl: fake.baseUrl, ...secrets }, noWait);
    const failure = await failureOf(client.ping('not-a-token'));
    expect(failure.code).toBe('platform_unauthorized');
    const ping = fake.requests.find((r) => r.path.includes('/hubs/crm/ping'));
    expect(ping?.headers.authorization).toBe(
      'User user-secret-fake, Organization org-secret-fake, Element not-a-token',
    );
  });
});
