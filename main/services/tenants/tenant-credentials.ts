// A tenant's secrets read where they live (keychain or team store) into the context the other
// services act with; a missing one is told with where it was looked for and what to do.
import { AppFailure } from '../errors';
import type { SecretStore } from '../ports';
import { secretAccounts } from './secret-accounts';
import type { TenantContext } from './tenant-context';
import { tenantView } from './tenant-records';
import type { SecretHome, TenantRecord } from './tenant-registry';
import { teamEntryOfAccount } from './tenant-secret-stores';

export async function readTenantSecret(
  secrets: SecretStore,
  tenant: TenantRecord,
  home: SecretHome | undefined,
  account: string,
  what: string,
): Promise<string> {
  const secret = await secrets.get(account);
  if (secret) return secret;
  throw new AppFailure(
    'secret_missing',
    home
      ? `The ${what} of ${tenant.name} is not in the team store (${teamEntryOfAccount(home, account)} in ${home.dir}). ` +
          'Pull the store, or ask the teammate who shared the tenant to add it.'
      : `The ${what} of ${tenant.name} is not in the keychain any more. Enter it again in the tenant's settings.`,
  );
}

export async function tenantContextOf(
  secrets: SecretStore,
  tenant: TenantRecord,
  home: SecretHome | undefined,
): Promise<TenantContext> {
  const read = (account: string, what: string) => readTenantSecret(secrets, tenant, home, account, what);
  const orgSecret = await read(secretAccounts.orgSecret(tenant.id), 'organization secret');
  const userSecret = await read(secretAccounts.userSecret(tenant.id), 'user secret');
  return {
    tenantId: tenant.id,
    tenantName: tenant.name,
    environment: tenant.environment,
    credentials: { baseUrl: tenant.baseUrl, orgSecret, userSecret },
    check: tenantView(tenant).check,
  };
}
