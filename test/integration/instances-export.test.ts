// Export and "copy as create body" against the fake platform and the real keychain: the document,
// every secret field redacted by default, include-secrets (0600, values present), and a create
// body with no secret that another tenant can re-authenticate with a fresh code.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFailure } from '../../main/services/errors';
import {
  EXPORT_TO_STDOUT,
  writeExportDocument,
  type ExportDocument,
  type ExportStream,
} from '../../main/services/instances/export-document';
import { readExport } from '../support/read-export';
import type { FakeInstance } from '../fakes/platform-server';
import { secretValuesOf, startInstancesWorld, type InstancesWorld } from './instances-support';

let world: InstancesWorld;
let folder: string;

beforeEach(async () => {
  world = await startInstancesWorld('instances-export');
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-export-'));
});

afterEach(async () => {
  await world.close();
  await rm(folder, { recursive: true, force: true });
});

/** Seeds instances whose every secret field holds a distinct value in clear. */
function seedWithSecrets(n: number): FakeInstance[] {
  return world.platform.seedInstances(n, { tags: ['handover'] }).map((instance, index) => {
    Object.assign(instance.configuration, {
      'oauth.api.secret': `client-secret-${index}`,
      'event.notification.basic.password': `basic-password-${index}`,
      'event.notification.signature.key': `signature-key-${index}`,
    });
    instance.providerData = {
      code: `grant-code-${index}`,
      secret: `provider-secret-${index}`,
      location: 'us',
    };
    return instance;
  });
}

async function writeAndRead(document: ExportStream, name: string) {
  const file = path.join(folder, name);
  await writeExportDocument(file, document);
  return { file, text: await readFile(file, 'utf8'), mode: (await stat(file)).mode & 0o777 };
}

describe('export', () => {
  it('writes the document for all instances with every secret field redacted', async () => {
    const seeded = seedWithSecrets(3);
    const secrets = seeded.flatMap((instance) => secretValuesOf(instance));
    expect(secrets).toHaveLength(24);

    const document = await world.services.instances.export('all', false);
    const { text, mode } = await writeAndRead(document, 'acme.json');
    const read = JSON.parse(text) as ExportDocument;

    expect(read.format).toBe('element-authenticator/instances@1');
    expect(read.exportedAt).toBe('2024-05-17T09:30:00.000Z');
    expect(read.tenant).toEqual({
      name: 'Acme Corp',
      environment: 'custom',
      baseUrl: world.platform.baseUrl,
    });
    expect(read.secretsIncluded).toBe(false);
    expect(read.instances.map((instance) => instance.id)).toEqual(seeded.map((instance) => instance.id));
    for (const instance of read.instances) {
      expect(instance.token).toBe('********');
      expect(instance.providerData).toEqual({ code: '********', secret: '********', location: 'us' });
      const configuration = instance.configuration ?? {};
      for (const key of [
        'oauth.user.token',
        'oauth.user.refresh_token',
        'oauth.api.secret',
        'event.notification.basic.password',
        'event.notification.signature.key',
      ]) {
        expect(configuration[key], key).toBe('********');
      }
      expect(configuration['oauth.callback.url']).toBe('http://127.0.0.1/seeded/callback');
      expect(configuration['event.notification.callback.url']).toBeNull();
      expect(instance.tags).toEqual(['handover']);
      expect(instance.organizationId).toBe(1190);
    }
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('org-secret-fake');
    expect(text).not.toContain('user-secret-fake');
    expect(mode).toBe(0o644);
  });

  it('exports only the selected instances, in the order chosen', async () => {
    const [first, second, third] = world.platform.seedInstances(3);
    if (!first || !second || !third) throw new Error('seed failed');

    const document = await readExport(await world.services.instances.export([third.id, first.id], false));

    expect(document.instances.map((instance) => instance.id)).toEqual([third.id, first.id]);
  });

  it('refuses a selection the platform no longer has, in words', async () => {
    const [first] = world.platform.seedInstances(1);
    if (!first) throw new Error('seed failed');
    const error = await world.services.instances
      .export([first.id, 999], false)
      .catch((caught: unknown) => caught);
    expect(isFailure(error, 'instance_not_found')).toBe(true);
    expect((error as Error).message).toBe('Acme Corp no longer has instance 999. Refresh the list.');
  });

  it('includes secrets only when asked: the platform values, the keychain token where the platform masks it, file 0600', async () => {
    const [shown, masked] = seedWithSecrets(2);
    if (!shown || !masked) throw new Error('seed failed');
    const realMaskedToken = masked.token;
    masked.token = '********';
    await world.secretStore.set(world.tokenAccount(masked.id), realMaskedToken);
    const before = path.join(folder, 'with-secrets.json');
    await writeFile(before, 'an older, world-readable file', { mode: 0o644 });

    const document = await world.services.instances.export('all', true);
    const { text, mode } = await writeAndRead(document, 'with-secrets.json');
    const read = JSON.parse(text) as ExportDocument;

    expect(mode).toBe(0o600);
    expect(read.secretsIncluded).toBe(true);
    const [first, second] = read.instances;
    expect(first?.token).toBe(shown.token);
    expect(second?.token).toBe(realMaskedToken);
    expect(first?.configuration?.['oauth.user.refresh_token']).toBe(
      shown.configuration['oauth.user.refresh_token'],
    );
    expect(first?.configuration?.['oauth.api.secret']).toBe('client-secret-0');
    expect(first?.configuration?.['event.notification.signature.key']).toBe('signature-key-0');
    expect(first?.providerData).toMatchObject({ code: 'grant-code-0', secret: 'provider-secret-0' });
    expect(text).not.toContain('org-secret-fake');
  });

  it('leaves no temporary file behind', async () => {
    world.platform.seedInstances(2);
    await writeAndRead(await world.services.instances.export('all', true), 'tidy.json');
    expect(await readdir(folder)).toEqual(['tidy.json']);
  });
});

describe('an export cut short', () => {
  /** Takes `n` instances of the document's stream, then stops reading (as a reader that went away). */
  async function readOnly(document: ExportStream, n: number): Promise<void> {
    let taken = 0;
    for await (const instance of document.instances) {
      expect(instance.id).toBeGreaterThan(0);
      taken += 1;
      if (taken === n) break;
    }
  }
  const exports = async () =>
    (await world.services.activity.list({})).entries.filter((entry) => entry.action === 'instances.exported');

  it('on standard output is recorded as a failed export of what went out', async () => {
    const seeded = world.platform.seedInstances(5);
    await readOnly(await world.services.instances.export('all', true, undefined, EXPORT_TO_STDOUT), 2);
    const [entry, ...others] = await exports();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      outcome: 'failed',
      details: { instanceIds: seeded.slice(0, 2).map((instance) => instance.id), secretsIncluded: true },
    });
  });

  it('into a file records nothing: the file is never left behind', async () => {
    world.platform.seedInstances(5);
    await readOnly(await world.services.instances.export('all', true, undefined, '/tmp/never.json'), 2);
    expect(await exports()).toEqual([]);
  });
});

describe('copy as create body', () => {
  it('has element, name, tags and non-secret configuration, and no code, token or secret', async () => {
    const [instance] = seedWithSecrets(1);
    if (!instance) throw new Error('seed failed');
    const secrets = secretValuesOf(instance);

    const body = await world.services.instances.createBody(instance.id);

    expect(Object.keys(body).sort()).toEqual(['configuration', 'element', 'name', 'tags']);
    expect(body).toMatchObject({ element: { key: 'zohocrmv2' }, name: instance.name, tags: ['handover'] });
    const configuration = body.configuration as Record<string, string>;
    expect(configuration['oauth.callback.url']).toBe('http://127.0.0.1/seeded/callback');
    expect(configuration['base.url']).toBe('https://www.zohoapis.com/crm/v2');
    for (const key of Object.keys(configuration)) {
      expect(key.startsWith('oauth.user.'), key).toBe(false);
      expect(configuration[key], key).not.toBe('********');
    }
    expect(configuration).not.toHaveProperty('oauth.api.secret');
    expect(configuration).not.toHaveProperty('event.notification.signature.key');
    expect(configuration).not.toHaveProperty('event.notification.basic.password');
    const text = JSON.stringify(body);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('recreates the instance in another tenant once a fresh code and the client secrets are added', async () => {
    const [instance] = world.platform.seedInstances(1, { tags: ['moved'] });
    if (!instance) throw new Error('seed failed');
    const body = await world.services.instances.createBody(instance.id);
    const configuration = body.configuration as Record<string, string>;
    const callbackUrl = configuration['oauth.callback.url'] ?? '';

    const elsewhere = await startInstancesWorld('instances-export-elsewhere', 'Beta GmbH');
    try {
      const query = new URLSearchParams({ apiKey: 'client-b', apiSecret: 'secret-b', callbackUrl });
      const url = (await (
        await fetch(`${elsewhere.platform.baseUrl}/elements/zohocrmv2/oauth/url?${query}`)
      ).json()) as {
        oauthUrl: string;
      };
      const consent = await fetch(url.oauthUrl, { redirect: 'manual' });
      const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code');
      const created = await fetch(`${elsewhere.platform.baseUrl}/instances`, {
        method: 'POST',
        headers: {
          authorization: 'User user-secret-fake, Organization org-secret-fake',
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          ...body,
          configuration: { ...configuration, 'oauth.api.key': 'client-b', 'oauth.api.secret': 'secret-b' },
          providerData: { code },
        }),
      });
      expect(created.status).toBe(200);
      const recreated = (await elsewhere.services.instances.list()).instances;
      expect(recreated).toEqual([
        expect.objectContaining({ name: instance.name, elementKey: 'zohocrmv2', tags: ['moved'] }),
      ]);
    } finally {
      await elsewhere.close();
    }
  });
});
