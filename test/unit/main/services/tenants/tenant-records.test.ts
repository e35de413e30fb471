// Tests of the lookups over the tenants metadata: find by id or name, the active tenant, the
// unique-name rules, secrets retyped on a move, and views that carry hints, never a secret.
import { describe, expect, it } from 'vitest';
import {
  activeTenant,
  assertOAuthAppNameFree,
  assertSecretsRetypedOnMove,
  assertTenantNameFree,
  findOAuthApp,
  findTenant,
  oauthAppView,
  tenantView,
} from '../../../../../main/services/tenants/tenant-records';
import type {
  Metadata,
  OAuthAppRecord,
  TenantRecord,
} from '../../../../../main/services/tenants/tenant-registry';
import { PRODUCTION_BASE_URL, tenantRecord } from '../../../../support/tenant-record';

const tenant = (id: string, name: string): TenantRecord => ({
  ...tenantRecord(id, name),
  orgSecretHint: '••••ABCD',
  userSecretHint: '••••WXYZ',
});

const app = (id: string, tenantId: string, name: string): OAuthAppRecord => ({
  id,
  tenantId,
  name,
  clientId: `client-${id}`,
  callbackUrl: 'element-auth://oauth/callback',
  scope: null,
  clientSecretHint: '••••7890',
  createdAt: 1,
  updatedAt: 1,
});

const ACME = tenant('t1', 'Acme');
const GLOBEX = tenant('t2', 'Globex Corp');
const data = (overrides: Partial<Metadata> = {}): Metadata => ({
  schemaVersion: 1,
  activeTenantId: 't2',
  tenants: [ACME, GLOBEX],
  oauthApps: [app('a1', 't1', 'Zoho prod'), app('a2', 't2', 'Zoho prod')],
  secretAccounts: [],
  exportsInProgress: [],
  secretHomes: {},
  ...overrides,
});

describe('findTenant', () => {
  it.each([
    ['its id', 't1', ACME],
    ['its name', 'Acme', ACME],
    ['its name in another case', 'ACME', ACME],
    ['its name with spaces around', '  globex corp ', GLOBEX],
  ])('finds a tenant by %s', (_case, idOrName, expected) => {
    expect(findTenant(data(), idOrName)).toBe(expected);
  });

  it('refuses a word that is one tenant’s id and another’s name, naming both ids', () => {
    const named = tenant('t3', 't1');
    expect(() => findTenant(data({ tenants: [named, ACME] }), 't1')).toThrow(
      expect.objectContaining({ code: 'name_ambiguous', message: expect.stringContaining('t1 or t3') }),
    );
    expect(findTenant(data({ tenants: [named, ACME] }), 't3')).toBe(named);
  });

  it.each(['t9', 'Acm', 'Acme Inc'])('says there is no tenant “%s”', (idOrName) => {
    expect(() => findTenant(data(), idOrName)).toThrow(
      expect.objectContaining({ code: 'tenant_not_found', message: `There is no tenant “${idOrName}”.` }),
    );
  });
});

describe('activeTenant', () => {
  it('is the tenant the metadata marks active', () => {
    expect(activeTenant(data())).toBe(GLOBEX);
  });

  it.each([
    [
      'none is selected',
      data({ activeTenantId: null }),
      'No tenant is selected. Choose the tenant to work on first.',
    ],
    [
      'the active one is gone',
      data({ activeTenantId: 't9' }),
      'No tenant is selected. Choose the tenant to work on first.',
    ],
    [
      'there is no tenant yet',
      data({ activeTenantId: null, tenants: [] }),
      'There is no tenant yet. Add one first.',
    ],
  ])('fails with no_active_tenant when %s', (_case, metadata, message) => {
    expect(() => activeTenant(metadata)).toThrow(
      expect.objectContaining({ code: 'no_active_tenant', message }),
    );
  });
});

describe('assertTenantNameFree', () => {
  it.each(['Acme', 'acme', ' ACME  '])('refuses “%s”: Acme exists whatever the case', (name) => {
    expect(() => assertTenantNameFree(data(), name)).toThrow(
      expect.objectContaining({
        code: 'tenant_exists',
        message: 'A tenant named “Acme” already exists. Choose another name.',
      }),
    );
  });

  it('lets a tenant keep or recase its own name, and takes a new one', () => {
    expect(() => assertTenantNameFree(data(), 'ACME', 't1')).not.toThrow();
    expect(() => assertTenantNameFree(data(), 'Initech')).not.toThrow();
    expect(() => assertTenantNameFree(data(), 'Acme', 't2')).toThrow(
      expect.objectContaining({ code: 'tenant_exists' }),
    );
  });
});

describe('assertSecretsRetypedOnMove', () => {
  const moved = 'https://staging.cloud-elements.com/elements/api-v2';

  it.each([
    ['the same platform, nothing typed', PRODUCTION_BASE_URL, {}],
    ['another platform, both secrets typed', moved, { orgSecret: 'o', userSecret: 'u' }],
  ])('allows %s', (_case, baseUrl, typed) => {
    expect(() => assertSecretsRetypedOnMove(ACME, baseUrl, typed)).not.toThrow();
  });

  it.each([
    ['nothing typed', {}],
    ['only the organization secret', { orgSecret: 'o' }],
    ['only the user secret', { userSecret: 'u' }],
    ['blank secrets', { orgSecret: '  ', userSecret: ' ' }],
  ])('refuses a move to another platform with %s', (_case, typed) => {
    expect(() => assertSecretsRetypedOnMove(ACME, moved, typed)).toThrow(
      expect.objectContaining({
        code: 'secret_missing',
        message:
          'Moving Acme to staging.cloud-elements.com needs its organization and user secrets again: ' +
          'stored secrets are only sent to the platform they were entered for.',
      }),
    );
  });
});

describe('OAuth app lookups', () => {
  it('finds an app by id, within its tenant when one is named', () => {
    expect(findOAuthApp(data(), 'a2').tenantId).toBe('t2');
    expect(findOAuthApp(data(), 'a1', 't1').id).toBe('a1');
    expect(() => findOAuthApp(data(), 'a1', 't2')).toThrow(
      expect.objectContaining({ code: 'oauth_app_not_found' }),
    );
    expect(() => findOAuthApp(data(), 'a9')).toThrow(
      expect.objectContaining({ message: 'That saved OAuth app does not exist (any more).' }),
    );
  });

  it('keeps app names unique per tenant only, whatever the case', () => {
    expect(() => assertOAuthAppNameFree(data(), ACME, ' zoho PROD ')).toThrow(
      expect.objectContaining({
        code: 'oauth_app_exists',
        message: 'Acme already has an OAuth app named “Zoho prod”. Choose another name.',
      }),
    );
    expect(() => assertOAuthAppNameFree(data(), ACME, 'Zoho prod', 'a1')).not.toThrow();
    expect(() =>
      assertOAuthAppNameFree(data({ oauthApps: [app('a2', 't2', 'Zoho prod')] }), ACME, 'Zoho prod'),
    ).not.toThrow();
  });
});

describe('views for the renderer', () => {
  it('shows a tenant with secret hints only', () => {
    const record = { ...ACME, orgSecret: 'org-secret-0123456789', userSecret: 'user-secret-0123456789' };
    const view = tenantView(record);
    expect(view).toEqual({
      id: 't1',
      name: 'Acme',
      environment: 'us',
      baseUrl: PRODUCTION_BASE_URL,
      color: null,
      orgSecretHint: '••••ABCD',
      userSecretHint: '••••WXYZ',
      check: { state: 'not-checked', checkedAt: null, message: null },
    });
    expect(JSON.stringify(view)).not.toContain('secret-0123456789');
  });

  it('names the team store a tenant keeps its secrets in (folder and entry, nothing else)', () => {
    const view = tenantView(ACME, { kind: 'pass', dir: '/home/a/.password-store', entry: 'customers/acme' });
    expect(view.teamStore).toEqual({ dir: '/home/a/.password-store', entry: 'customers/acme' });
  });

  it('shows an OAuth app with its client secret hint only', () => {
    const record = { ...app('a1', 't1', 'Zoho prod'), clientSecret: 'client-secret-0123456789' };
    const view = oauthAppView(record);
    expect(view).toEqual({
      id: 'a1',
      tenantId: 't1',
      name: 'Zoho prod',
      clientId: 'client-a1',
      callbackUrl: 'element-auth://oauth/callback',
      scope: null,
      clientSecretHint: '••••7890',
    });
    expect(JSON.stringify(view)).not.toContain('client-secret');
  });
});
