// Re-authentication of an existing instance through the flow (PUT ?reAuthenticate=true with the
// instance's own body and a new code), and the 'flow.*' channels over the router with a clipboard.
import { afterEach, describe, expect, it } from 'vitest';
import { flowHandlers } from '../../main/router/flow-handlers';
import { createRouter, type Handlers } from '../../main/router/router';
import { silentLogger } from '../../main/services/ports';
import type { FlowView } from '../../common/contract';
import {
  consent,
  instanceRequests,
  leakedSecrets,
  startFlowWorld,
  startInput,
  type FlowWorld,
} from './auth-flow-support';

const HOSTED = 'https://auth.example.com/oauth/callback';
let world: FlowWorld;
afterEach(async () => {
  await world.close();
});

async function createOne(): Promise<number> {
  const waiting = await world.flow.start(startInput(HOSTED));
  const done = await world.flow.paste(await consent(waiting));
  if (done.step !== 'done') throw new Error(done.step);
  return done.instance.id;
}

describe('auth flow: re-authenticate', () => {
  it('PUTs the instance body with the new code and replaces the token in the keychain', async () => {
    world = await startFlowWorld('flow-reauth');
    const id = await createOne();
    const oldToken = await world.secrets.get(world.tokenAccount(id));
    world.platform.requests.length = 0;

    const waiting = await world.flow.start(
      startInput(HOSTED, { instanceName: 'ignored', tags: [], reauthenticateInstanceId: id }),
    );
    expect(waiting).toMatchObject({ step: 'awaiting-consent', instanceName: 'Acme Zoho' });
    const location = await consent(waiting, '&dc=eu');
    const done = await world.flow.paste(location);
    expect(done).toMatchObject({ step: 'done', reauthenticated: true, instance: { id, name: 'Acme Zoho' } });

    const [get, put] = instanceRequests(world);
    expect(get).toMatchObject({ method: 'GET', path: `/instances/${id}` });
    expect(put).toMatchObject({ method: 'PUT', path: `/instances/${id}`, query: { reAuthenticate: 'true' } });
    const body = put?.body as {
      name: string;
      tags: string[];
      configuration: Record<string, unknown>;
      providerData: unknown;
    };
    expect(body.name).toBe('Acme Zoho');
    // The instance's tags as they are, the marker of its creation included.
    expect(body.tags).toEqual(['acme', expect.stringMatching(/^element-auth-request:/)]);
    expect(body.configuration).toMatchObject({
      'pagination.max': '200',
      'oauth.api.secret': 'zoho-client-secret-1',
      'oauth.callback.url': HOSTED,
      'oauth.base.url': 'https://accounts.zoho.eu',
      'api.base.url': 'https://www.zohoapis.eu',
    });
    expect(body.configuration).not.toHaveProperty('oauth.user.token');
    const params = new URL(location).searchParams;
    expect(body.providerData).toEqual({
      code: params.get('code'),
      state: params.get('state'),
      location: 'eu',
      'accounts-server': 'https://accounts.zoho.eu',
    });
    expect(instanceRequests(world).filter((request) => request.method === 'POST')).toEqual([]);

    const newToken = world.platform.instances.get(id)?.token;
    expect(newToken).not.toBe(oldToken);
    expect(await world.secrets.get(world.tokenAccount(id))).toBe(newToken);
    expect(leakedSecrets(world)).toEqual([]);
  });

  it('fails before the consent when the instance does not exist', async () => {
    world = await startFlowWorld('flow-reauth-missing');
    const failed = await world.flow.start(startInput(HOSTED, { reauthenticateInstanceId: 999 }));
    expect(failed).toMatchObject({ step: 'failed', error: { code: 'instance_not_found' } });
    expect(world.opened).toEqual([]);
  });
});

describe('flow channels over the router', () => {
  it('serve presets, copy the URL and the token in main, and send no secret back', async () => {
    world = await startFlowWorld('flow-router');
    const clipboard: string[] = [];
    const handlers = flowHandlers(world.flow, { writeText: (text) => clipboard.push(text) });
    const router = createRouter(handlers as unknown as Handlers, silentLogger);
    const results: unknown[] = [];
    const call = async (channel: string, input?: unknown) => {
      const result = await router.invoke(channel, input);
      results.push(result);
      return result;
    };

    const presets = await call('flow.presets');
    expect(presets).toMatchObject({ ok: true, value: [{ key: 'zohocrmv2' }, { generic: true }] });
    expect(await call('flow.copyToken')).toMatchObject({ ok: false, error: { code: 'instance_not_found' } });

    const started = (await call('flow.start', startInput(HOSTED))) as { ok: true; value: FlowView };
    expect(started.value.step).toBe('awaiting-consent');
    expect(await call('flow.copyAuthUrl')).toEqual({ ok: true, value: null });
    expect(clipboard).toEqual([started.value.step === 'awaiting-consent' ? started.value.authUrl : '']);

    const pasted = await call('flow.paste', { url: await consent(started.value) });
    expect(pasted).toMatchObject({ ok: true, value: { step: 'done' } });
    expect(await call('flow.copyToken')).toEqual({ ok: true, value: null });
    const [instance] = [...world.platform.instances.values()];
    expect(clipboard.at(-1)).toBe(instance?.token);
    expect(await call('flow.paste', { url: 'https://x' })).toMatchObject({
      ok: false,
      error: { code: 'no_pending_flow' },
    });
    expect(await call('flow.reset')).toEqual({ ok: true, value: { step: 'idle' } });

    const returned = JSON.stringify(results);
    expect(world.knownSecrets().filter((secret) => returned.includes(secret))).toEqual([]);
  });
});
