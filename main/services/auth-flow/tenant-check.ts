// The check before step 1: no customer is asked to consent on a tenant whose secrets the platform
// refuses. A tenant not confirmed yet (never checked, or unreachable last time) is checked first.
import { AppFailure } from '../errors';
import type { TenantContext, TenantResolver } from '../tenants/tenant-context';
import { checkStateOf } from '../tenants/verify-tenant';

/** The one sentence the app and the CLI show, with the way out: rotate the secrets. */
export function refusedTenantMessage(tenantName: string): string {
  return (
    `The platform refused the organization or user secret of ${tenantName} (401), so the sign-in ` +
    `could not finish: rotate the secrets of ${tenantName} (edit the tenant), then start again.`
  );
}

/** Throws tenant_refused when the tenant's secrets are (or turn out to be) refused; one GET at most. */
export async function assertTenantAccepted(
  tenant: TenantContext,
  tenants: Pick<TenantResolver, 'verify'>,
): Promise<void> {
  let state = tenant.check.state;
  if (state === 'not-checked' || state === 'unreachable') {
    state = checkStateOf(await tenants.verify(tenant.tenantId));
  }
  if (state === 'refused') throw new AppFailure('tenant_refused', refusedTenantMessage(tenant.tenantName));
}
