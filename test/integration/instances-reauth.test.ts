// Re-authenticating an instance through the flow service, seen from the instances side: the
// keychain token is replaced, and test, copy, detail and export all act with the new one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../common/contract';
import { startInstancesWorld, type InstancesWorld } from './instances-support';
import { readExport } from '../support/read-export';

const CALLBACK = 'https://auth.example.com/oauth/callback';
let world: InstancesWorld;

beforeEach(async () => {
  world = await startInstancesWorld('instances-reauth');
});

afterEach(async () => {
  await world.services.flow.cancel().catch(() => undefined);
  await world.close();
});

/** Step 2 as the vendor plays it: follow the authorization URL and hand the redirect to the paste door. */
async function consentAndPaste(view: FlowView): Promise<FlowView> {
  if (view.step !== 'awaiting-consent') throw new Error(`expected awaiting-consent, got ${view.step}`);
  const response = await fetch(view.authUrl, { redirect: 'manual' });
  return world.services.flow.paste(response.headers.get('location') ?? '');
}

const start = (extra: { reauthenticateInstanceId?: number } = {}) =>
  world.services.flow.start({
    elementKey: 'zohocrmv2',
    instanceName: 'Acme Zoho',
    apiKey: 'zoho-client-id-1',
    apiSecret: 'zoho-client-secret-1',
    callbackUrl: CALLBACK,
    tags: ['acme'],
    configuration: {},
    ...extra,
  });

describe('re-authenticating an instance', () => {
  it('replaces the stored token, and the instance actions use the new one', async () => {
    const created = await consentAndPaste(await start());
    if (created.step !== 'done') throw new Error(`create ended in ${created.step}`);
    const id = created.instance.id;
    const firstToken = await world.secretStore.get(world.tokenAccount(id));
    expect(firstToken).toBe(world.platform.instances.get(id)?.token);
    expect((await world.services.instances.test(id)).ok).toBe(true);

    const redone = await consentAndPaste(await start({ reauthenticateInstanceId: id }));

    expect(redone).toMatchObject({
      step: 'done',
      reauthenticated: true,
      instance: { id, name: 'Acme Zoho' },
    });
    const newToken = world.platform.instances.get(id)?.token ?? '';
    expect(newToken).not.toBe(firstToken);
    expect(await world.secretStore.get(world.tokenAccount(id))).toBe(newToken);
    expect((await world.services.instances.list()).instances.map((instance) => instance.id)).toEqual([id]);

    world.platform.requests.length = 0;
    expect(await world.services.instances.test(id)).toMatchObject({ ok: true });
    expect(world.platform.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /hubs/crm/ping',
    ]);
    expect(world.platform.requests[0]?.headers.authorization).toContain(`Element ${newToken}`);
    expect(await world.services.instances.token(id)).toBe(newToken);
    expect((await world.services.instances.get(id)).tokenHint).toBe(`••••${newToken.slice(-4)}`);
    const exported = await readExport(await world.services.instances.export([id], true));
    expect(exported.instances[0]?.token).toBe(newToken);

    await world.services.instances.delete(id, 'Acme Zoho');
    expect(await world.secretStore.get(world.tokenAccount(id))).toBeNull();
  });
});
