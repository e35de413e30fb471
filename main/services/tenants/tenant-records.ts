// Lookups and views over the metadata records: find by id or name, the duplicate-name rule, and
// the views the renderer may see (hints only, never a secret).
import type { OAuthAppView, TenantView } from '../../../common/contract';
import { AppFailure } from '../errors';
import type { Metadata, OAuthAppRecord, SecretHome, TenantRecord } from './tenant-registry';

export const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The tenant a command names, by id or by name (any case). A word that is one tenant's id and
 * another's name is refused: acting on the wrong customer is worse than asking again.
 */
export function findTenant<T extends { id: string; name: string } = TenantRecord>(
  data: { tenants: T[] },
  idOrName: string,
): T {
  const byId = data.tenants.find((tenant) => tenant.id === idOrName);
  const byName = data.tenants.find((tenant) => sameName(tenant.name, idOrName));
  if (byId && byName && byId !== byName) {
    throw new AppFailure(
      'name_ambiguous',
      `“${idOrName}” is the id of tenant “${byId.name}” and the name of tenant “${byName.name}”, so nothing was done. ` +
        `Name the tenant by its id instead: ${byId.id} or ${byName.id}.`,
    );
  }
  const found = byId ?? byName;
  if (!found) throw new AppFailure('tenant_not_found', `There is no tenant “${idOrName}”.`);
  return found;
}

export function activeTenant<T extends { id: string }>(data: {
  tenants: T[];
  activeTenantId: string | null;
}): T {
  const found = data.tenants.find((tenant) => tenant.id === data.activeTenantId);
  if (!found) {
    throw new AppFailure(
      'no_active_tenant',
      data.tenants.length
        ? 'No tenant is selected. Choose the tenant to work on first.'
        : 'There is no tenant yet. Add one first.',
    );
  }
  return found;
}

/** Tenant names are unique, whatever their case: "Acme" and "ACME " are the same tenant. */
export function assertTenantNameFree(data: Metadata, name: string, exceptId?: string): void {
  const isId = data.tenants.find((tenant) => tenant.id !== exceptId && tenant.id === name);
  if (isId)
    throw new AppFailure(
      'name_ambiguous',
      `“${name}” is the id of tenant “${isId.name}”; a name like it would make commands ambiguous. Choose another name.`,
    );
  const taken = data.tenants.find((tenant) => tenant.id !== exceptId && sameName(tenant.name, name));
  if (taken)
    throw new AppFailure(
      'tenant_exists',
      `A tenant named “${taken.name}” already exists. Choose another name.`,
    );
}

/**
 * Stored secrets are only ever sent to the platform they were entered for: moving a tenant to
 * another platform URL needs both secrets typed again, or they would follow the URL to a new host.
 */
export function assertSecretsRetypedOnMove(
  tenant: TenantRecord,
  baseUrl: string,
  typed: { orgSecret?: string; userSecret?: string },
): void {
  if (baseUrl === tenant.baseUrl || (typed.orgSecret?.trim() && typed.userSecret?.trim())) return;
  throw new AppFailure(
    'secret_missing',
    `Moving ${tenant.name} to ${new URL(baseUrl).host} needs its organization and user secrets again: ` +
      'stored secrets are only sent to the platform they were entered for.',
  );
}

export function findOAuthApp(data: Metadata, appId: string, tenantId?: string): OAuthAppRecord {
  const found = data.oauthApps.find(
    (app) => app.id === appId && (tenantId === undefined || app.tenantId === tenantId),
  );
  if (!found) throw new AppFailure('oauth_app_not_found', 'That saved OAuth app does not exist (any more).');
  return found;
}

export function assertOAuthAppNameFree(
  data: Metadata,
  tenant: TenantRecord,
  name: string,
  exceptId?: string,
): void {
  const taken = data.oauthApps.find(
    (app) => app.tenantId === tenant.id && app.id !== exceptId && sameName(app.name, name),
  );
  if (taken) {
    throw new AppFailure(
      'oauth_app_exists',
      `${tenant.name} already has an OAuth app named “${taken.name}”. Choose another name.`,
    );
  }
}

export function tenantView(record: TenantRecord, home?: SecretHome): TenantView {
  return {
    id: record.id,
    name: record.name,
    environment: record.environment,
    baseUrl: record.baseUrl,
    color: record.color,
    orgSecretHint: record.orgSecretHint,
    userSecretHint: record.userSecretHint,
    check: record.check ?? { state: 'not-checked', checkedAt: null, message: null },
    ...(home ? { teamStore: { dir: home.dir, entry: home.entry } } : {}),
  };
}

export function oauthAppView(record: OAuthAppRecord): OAuthAppView {
  return {
    id: record.id,
    tenantId: record.tenantId,
    name: record.name,
    clientId: record.clientId,
    callbackUrl: record.callbackUrl,
    scope: record.scope,
    clientSecretHint: record.clientSecretHint,
  };
}
