// Checks a tenant's secrets with the cheapest platform call there is (GET /instances) and says
// the outcome in one sentence; a 401 means the organization or user secret is wrong.
import type { TenantVerification } from '../../../common/contract';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import { isFailure } from '../errors';
import type { Metadata, TenantRecord, TenantRegistry } from './tenant-registry';
import type { TenantContext } from './tenant-context';

export type RecordedCheck = NonNullable<TenantRecord['check']>;

/** `where` names the platform for the sentence, e.g. "EU" or "ce.acme.example". */
export async function verifyTenant(
  context: TenantContext,
  where: string,
  platformClient: PlatformClientFactory,
): Promise<TenantVerification> {
  try {
    const instances = await platformClient(context.credentials).listInstances();
    const count = Array.isArray(instances) ? instances.length : 0;
    return {
      ok: true,
      message: `The ${where} platform accepted the secrets of ${context.tenantName} (${count} instance${count === 1 ? '' : 's'}).`,
    };
  } catch (error) {
    if (!isFailure(error) || error.code === 'insecure_url') throw error;
    if (error.code === 'platform_unauthorized') {
      return {
        ok: false,
        code: error.code,
        message: `The organization or user secret is wrong: the ${where} platform refused the secrets of ${context.tenantName} (401).`,
      };
    }
    return { ok: false, code: error.code, message: error.message };
  }
}

/** What a verification says of the secrets: accepted, refused (401), or not confirmed either way. */
export function checkStateOf(outcome: TenantVerification): RecordedCheck['state'] {
  if (outcome.ok) return 'verified';
  return outcome.code === 'platform_unauthorized' ? 'refused' : 'unreachable';
}

export function checkOf(outcome: TenantVerification, checkedAt: number): RecordedCheck {
  return { state: checkStateOf(outcome), checkedAt, message: outcome.message };
}

/** Keeps the check on the tenant, unless the tenant changed (secrets rotated, moved) while it ran. */
export function recordCheck(
  registry: TenantRegistry,
  checked: TenantRecord,
  check: RecordedCheck,
): Promise<Metadata> {
  return registry.update((data) => {
    const record = data.tenants.find((tenant) => tenant.id === checked.id);
    if (record && record.updatedAt === checked.updatedAt) record.check = check;
    return data;
  });
}
