// The instances service against the fake platform and the real keychain: list, the redacted
// detail, the ping test (good, stale, deleted), and delete with its typed-name confirmation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFailure } from '../../main/services/errors';
import { INVALID_TOKEN_SENTENCE } from '../../main/services/instances/instance-service';
import { secretValuesOf, startInstancesWorld, type InstancesWorld } from './instances-support';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { keychainAccounts } from '../support/keychain-items';

let world: InstancesWorld;

beforeEach(async () => {
  world = await startInstancesWorld('instances');
});

afterEach(async () => {
  await world.close();
});

async function failureOf(pending: Promise<unknown>) {
  const error = await pending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isFailure(error)) throw new Error(`expected an AppFailure, got ${String(error)}`);
  return error;
}

describe('listing instances', () => {
  it("lists the active tenant's instances as summaries without any token", async () => {
    const [first, second] = world.platform.seedInstances(2, { tags: ['acme', 'crm'] });
    world.platform.seedInstances(1, { element: 'hubspotcrm', namePrefix: 'hub', disabled: true });

    const list = await world.services.instances.list();

    expect(list.tenantName).toBe('Acme Corp');
    expect(list.tenantId).toBe(world.tenantId);
    expect(list.instances).toHaveLength(3);
    expect(list.instances[0]).toEqual({
      id: first?.id,
      name: first?.name,
      elementKey: 'zohocrmv2',
      createdDate: '2024-05-17T09:30:00Z',
      valid: true,
      disabled: false,
      tags: ['acme', 'crm'],
    });
    expect(list.instances[2]).toMatchObject({ elementKey: 'hubspotcrm', disabled: true });
    const text = JSON.stringify(list);
    expect(text).not.toContain(first?.token);
    expect(text).not.toContain(second?.token);
    expect(world.platform.requests.at(-1)?.headers.authorization).toBe(
      'User user-secret-fake, Organization org-secret-fake',
    );
  });

  it('names the tenant by id as well as the active one', async () => {
    world.platform.seedInstances(1);
    const list = await world.services.instances.list(world.tenantId);
    expect(list.instances).toHaveLength(1);
  });
});

describe('the instance detail', () => {
  it('shows the instance as the platform returns it with every secret field redacted', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    Object.assign(instance.configuration, {
      'oauth.api.secret': 'client-secret-in-clear',
      'event.notification.basic.password': 'basic-password-in-clear',
      'event.notification.signature.key': 'signature-key-in-clear',
      'event.notification.callback.url': null,
    });
    instance.providerData = {
      code: '1000.grant-code-in-clear',
      secret: 'provider-secret-in-clear',
      location: 'eu',
    };
    const secrets = secretValuesOf(instance);
    expect(secrets).toHaveLength(8);

    const detail = await world.services.instances.get(instance.id);

    const shown = detail.instance as Record<string, Record<string, unknown>>;
    expect(detail.instance.token).toBe('********');
    expect(shown.configuration?.['oauth.user.token']).toBe('********');
    expect(shown.configuration?.['oauth.user.refresh_token']).toBe('********');
    expect(shown.configuration?.['oauth.api.secret']).toBe('********');
    expect(shown.configuration?.['event.notification.basic.password']).toBe('********');
    expect(shown.configuration?.['event.notification.signature.key']).toBe('********');
    expect(shown.providerData).toEqual({ code: '********', secret: '********', location: 'eu' });
    expect(shown.configuration?.['event.notification.callback.url']).toBeNull();
    expect(shown.configuration?.['oauth.callback.url']).toBe('http://127.0.0.1/seeded/callback');
    expect(detail.instance.name).toBe(instance.name);
    const text = JSON.stringify(detail);
    for (const secret of secrets) expect(text).not.toContain(secret);

    const entries = new Map(detail.configuration.map((entry) => [entry.key, entry]));
    expect(entries.get('oauth.user.token')).toEqual({
      key: 'oauth.user.token',
      value: '********',
      secret: true,
    });
    expect(entries.get('base.url')).toEqual({
      key: 'base.url',
      value: 'https://www.zohoapis.com/crm/v2',
      secret: false,
    });
    expect(detail.configuration.map((entry) => entry.key)).toEqual(
      [...entries.keys()].sort((a, b) => a.localeCompare(b)),
    );
    expect(detail.tokenHint).toBe(`••••${instance.token.slice(-4)}`);
  });

  it('says the instance is gone when the platform no longer has it', async () => {
    const error = await failureOf(world.services.instances.get(424242));
    expect(error.code).toBe('instance_not_found');
    expect(error.message).toBe(
      'Instance 424242 is not in Acme Corp any more: it may have been deleted. Refresh the list.',
    );
  });
});

describe('testing an instance (GET /hubs/crm/ping)', () => {
  it("answers OK with the platform's time, using the token stored in the keychain", async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(instance.id), instance.token);

    const outcome = await world.services.instances.test(instance.id);

    expect(outcome).toEqual({
      ok: true,
      dateTime: '2024-05-17T09:30:00.000Z',
      message: 'OK: the platform accepted the instance token. Platform time: 2024-05-17T09:30:00.000Z.',
    });
    const ping = world.platform.requests.at(-1);
    expect(`${ping?.method} ${ping?.path}`).toBe('GET /hubs/crm/ping');
    expect(ping?.headers.authorization).toBe(
      `User user-secret-fake, Organization org-secret-fake, Element ${instance.token}`,
    );
    expect(world.platform.requests.some((request) => request.path === `/instances/${instance.id}`)).toBe(
      false,
    );
  });

  it('uses the token the platform shows when the keychain has none', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');

    const outcome = await world.services.instances.test(instance.id);

    expect(outcome.ok).toBe(true);
    expect(world.platform.requests.at(-1)?.headers.authorization).toContain(`Element ${instance.token}`);
  });

  it('says the token is invalid or the instance was deleted once it is gone from the platform', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(instance.id), instance.token);
    const removed = await fetch(`${world.platform.baseUrl}/instances/${instance.id}`, {
      method: 'DELETE',
      headers: { authorization: 'User user-secret-fake, Organization org-secret-fake' },
    });
    expect(removed.status).toBe(200);

    const outcome = await world.services.instances.test(instance.id);

    expect(outcome).toEqual({ ok: false, code: 'platform_unauthorized', message: INVALID_TOKEN_SENTENCE });
    expect(INVALID_TOKEN_SENTENCE).toBe('The instance token is invalid or the instance was deleted.');
  });

  it('says the token is invalid for a disabled instance', async () => {
    const [instance] = world.platform.seedInstances(1, { disabled: true });
    if (!instance) throw new Error('seed failed');
    const outcome = await world.services.instances.test(instance.id);
    expect(outcome).toMatchObject({ ok: false, message: INVALID_TOKEN_SENTENCE });
  });

  it('recovers from a stale keychain token when the platform shows a newer one, and keeps the newer one', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(instance.id), 'a-token-from-before-re-authentication');

    const outcome = await world.services.instances.test(instance.id);

    expect(outcome.ok).toBe(true);
    expect(await world.secretStore.get(world.tokenAccount(instance.id))).toBe(instance.token);
  });

  it('puts a platform failure in plain words', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(instance.id), instance.token);
    world.platform.behaviour.failNext = { status: 503, message: 'Hub is resting' };

    const outcome = await world.services.instances.test(instance.id);

    expect(outcome).toMatchObject({ ok: false, code: 'platform_server_error' });
    expect(outcome.message).toContain('Hub is resting');
  });
});

describe('deleting an instance', () => {
  it('refuses when the typed name does not match, and deletes nothing', async () => {
    const [instance] = world.platform.seedInstances(1);
    if (!instance) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(instance.id), instance.token);

    const error = await failureOf(world.services.instances.delete(instance.id, `${instance.name}-typo`));

    expect(error.code).toBe('confirmation_mismatch');
    expect(error.message).toBe(
      `The name you typed does not match “${instance.name}”, so nothing was deleted from Acme Corp.`,
    );
    expect(world.platform.instances.has(instance.id)).toBe(true);
    expect(await world.secretStore.get(world.tokenAccount(instance.id))).toBe(instance.token);
    expect(world.platform.requests.some((request) => request.method === 'DELETE')).toBe(false);
  });

  it('deletes on the platform and removes the keychain token and signature key when the name matches', async () => {
    const [instance, other] = world.platform.seedInstances(2);
    if (!instance || !other) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(instance.id), instance.token);
    await world.secretStore.set(world.tokenAccount(other.id), other.token);
    const signatureKey = secretAccounts.signatureKey(world.tenantId, instance.id);
    await world.secretStore.set(signatureKey, 'signature-key-of-the-deleted-instance');

    const deleted = await world.services.instances.delete(instance.id, ` ${instance.name} `);

    expect(deleted).toEqual({ id: instance.id, name: instance.name });
    expect(world.platform.instances.has(instance.id)).toBe(false);
    expect(await world.secretStore.get(world.tokenAccount(instance.id))).toBeNull();
    expect(await world.secretStore.get(signatureKey)).toBeNull();
    expect(keychainAccounts(world.secretStore.service)).toContain(world.tokenAccount(other.id));
    expect((await world.services.instances.list()).instances.map((summary) => summary.id)).toEqual([
      other.id,
    ]);

    const again = await failureOf(world.services.instances.delete(instance.id, instance.name));
    expect(again.code).toBe('instance_not_found');
  });
});

describe('copying the token', () => {
  it('gives main the keychain token, else the platform one, and fails in words when neither exists', async () => {
    const [stored, shown] = world.platform.seedInstances(2);
    if (!stored || !shown) throw new Error('seed failed');
    await world.secretStore.set(world.tokenAccount(stored.id), 'keychain-token-value');
    expect(await world.services.instances.token(stored.id)).toBe('keychain-token-value');
    expect(await world.services.instances.token(shown.id)).toBe(shown.token);

    shown.token = '********';
    const error = await failureOf(world.services.instances.token(shown.id));
    expect(error.code).toBe('secret_missing');
  });
});
