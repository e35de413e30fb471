// The import plan: what carries over from an instances@1 export, what does not and why, name
// collisions, idempotence (name + element), renames, and the flow.start input of each instance.
import { describe, expect, it } from 'vitest';
import { FlowStartSchema } from '../../../../../common/contract';
import {
  buildImportPlan,
  flowStartOf,
  parseImportDocument,
  renameCollisions,
  type ImportDocument,
} from '../../../../../main/services/instances/import-plan';
import { startReport } from '../../../../../main/services/instances/import-report';

function documentOf(instances: ImportDocument['instances']): ImportDocument {
  return parseImportDocument(
    JSON.stringify({
      format: 'element-authenticator/instances@1',
      exportedAt: '2026-01-01T00:00:00.000Z',
      tenant: { name: 'Staging', environment: 'us', baseUrl: 'https://example.com' },
      secretsIncluded: false,
      instances,
    }),
  );
}

const zoho = (id: number, name: string, configuration: Record<string, unknown> = {}) => ({
  id,
  name,
  element: { key: 'zohocrmv2' },
  tags: ['acme', 'element-auth-request:abc'],
  configuration,
});

describe('parseImportDocument', () => {
  it('refuses text that is not JSON, and JSON that is not an instances@1 export', () => {
    expect(() => parseImportDocument('{')).toThrow(/not JSON/);
    expect(() => parseImportDocument('{"format":"other@1","instances":[]}')).toThrow(
      /not an "element-authenticator\/instances@1" document/,
    );
  });
});

describe('buildImportPlan', () => {
  it('carries name, element, tags (without the request marker), events and plain configuration', () => {
    const plan = buildImportPlan(
      documentOf([
        zoho(1, 'Acme CRM', {
          'event.notification.enabled': 'true',
          'event.vendor.type': 'polling',
          'event.notification.signature.key': '********',
          'custom.label': 'north',
          'page.size': 200,
          nested: { a: 1 },
          'oauth.api.key': 'source-client',
          'oauth.api.secret': '********',
          'oauth.callback.url': 'https://source.example.com/cb',
          'oauth.base.url': 'https://accounts.zoho.eu',
          'api.base.url': 'https://www.zohoapis.eu',
          'oauth.user.token': '********',
          'oauth.user.refresh_time': '123',
          'empty.secret': '',
        }),
      ]),
      [],
    );
    const [item] = plan.items;
    expect(plan.sourceTenant).toBe('Staging');
    expect(item).toMatchObject({
      sourceId: 1,
      targetName: 'Acme CRM',
      elementKey: 'zohocrmv2',
      action: 'create',
    });
    expect(item?.tags).toEqual(['acme']);
    expect(item?.events).toEqual({ 'event.notification.enabled': 'true', 'event.vendor.type': 'polling' });
    expect(item?.configuration).toEqual({ 'custom.label': 'north', 'page.size': '200' });
    expect(item?.notCarried).toEqual([
      { key: 'event.notification.signature.key', reason: 'secret' },
      { key: 'oauth.api.key', reason: 'oauth-client' },
      { key: 'oauth.api.secret', reason: 'oauth-client' },
      { key: 'oauth.callback.url', reason: 'oauth-client' },
      { key: 'oauth.base.url', reason: 'data-center' },
      { key: 'api.base.url', reason: 'data-center' },
      { key: 'oauth.user.token', reason: 'platform-managed' },
      { key: 'oauth.user.refresh_time', reason: 'platform-managed' },
    ]);
  });

  it('keeps base URLs of an element without data centers: they are its configuration', () => {
    const plan = buildImportPlan(
      documentOf([
        {
          id: 2,
          name: 'Hub',
          element: { key: 'hubspotcrm' },
          configuration: { 'api.base.url': 'https://api.example.com' },
        },
      ]),
      [],
    );
    expect(plan.items[0]?.configuration).toEqual({ 'api.base.url': 'https://api.example.com' });
  });

  it('skips what exists on the target with the same name and element, and names the instance', () => {
    const plan = buildImportPlan(documentOf([zoho(1, 'Acme CRM'), zoho(2, 'Beta CRM')]), [
      { id: 77, name: 'Acme CRM', elementKey: 'zohocrmv2' },
    ]);
    expect(plan.items.map((item) => item.action)).toEqual(['skip', 'create']);
    expect(plan.items[0]?.skipReason).toBe(
      'Instance 77 “Acme CRM” (zohocrmv2) already exists on the target.',
    );
    expect(startReport(plan, 'Production').skipped).toEqual([
      { sourceId: 1, name: 'Acme CRM', reason: plan.items[0]?.skipReason },
    ]);
  });

  it('flags a name taken by another element, a name planned twice, and a missing element', () => {
    const plan = buildImportPlan(
      documentOf([zoho(1, 'Shared'), zoho(2, 'Twice'), zoho(3, 'Twice'), { id: 4, name: 'No element' }]),
      [{ id: 9, name: 'Shared', elementKey: 'hubspotcrm' }],
    );
    expect(plan.items.map((item) => [item.action, item.skipReason])).toEqual([
      ['skip', 'The name “Shared” is taken on the target by a hubspotcrm instance.'],
      ['create', undefined],
      ['skip', 'The name “Twice” is planned twice in this import.'],
      ['skip', 'The export does not name its element.'],
    ]);
  });

  it('imports under an edited name', () => {
    const plan = buildImportPlan(
      documentOf([zoho(1, 'Acme CRM')]),
      [{ id: 7, name: 'Acme CRM', elementKey: 'zohocrmv2' }],
      {
        renames: { 1: ' Acme CRM (prod) ' },
      },
    );
    expect(plan.items[0]).toMatchObject({ targetName: 'Acme CRM (prod)', action: 'create' });
  });
});

describe('renameCollisions', () => {
  it('renames a name taken by another element to the next free one, and reuses an earlier copy', () => {
    const document = documentOf([zoho(1, 'Shared'), zoho(2, 'Mine')]);
    const first = renameCollisions(document, [
      { id: 9, name: 'Shared', elementKey: 'hubspotcrm' },
      { id: 10, name: 'Shared (2)', elementKey: 'hubspotcrm' },
      { id: 11, name: 'Mine', elementKey: 'zohocrmv2' },
    ]);
    expect(first).toEqual({ renames: { 1: 'Shared (3)' } });
    const again = renameCollisions(document, [
      { id: 9, name: 'Shared', elementKey: 'hubspotcrm' },
      { id: 12, name: 'Shared (2)', elementKey: 'zohocrmv2' },
    ]);
    expect(again).toEqual({ renames: { 1: 'Shared (2)' } });
    expect(
      buildImportPlan(document, [{ id: 12, name: 'Shared (2)', elementKey: 'zohocrmv2' }], again).items[0]
        ?.action,
    ).toBe('skip');
  });
});

describe('flowStartOf', () => {
  it('is a valid flow.start input for the target: carried configuration and events, the target OAuth client', () => {
    const [item] = buildImportPlan(
      documentOf([zoho(1, 'Acme CRM', { 'custom.label': 'north', 'event.vendor.type': 'polling' })]),
      [],
    ).items;
    if (!item) throw new Error('no item');
    const start = FlowStartSchema.parse(
      flowStartOf(item, {
        tenant: 'Production',
        callbackUrl: 'http://127.0.0.1:4567/cb',
        oauthAppId: 'app-1',
      }),
    );
    expect(start).toMatchObject({
      elementKey: 'zohocrmv2',
      instanceName: 'Acme CRM',
      tags: ['acme'],
      tenant: 'Production',
      oauthAppId: 'app-1',
      configuration: { 'custom.label': 'north', 'event.vendor.type': 'polling' },
    });
    expect(start.apiKey).toBeUndefined();
  });
});
