// Checks a tenant's secrets with the cheapest platform call there is (GET /instances) and says
// the outcome in one sentence; a 401 means the organization or user secret is wrong.
import type { TenantVerification } from '../../../common/contract';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import { isFailure } from '../errors';
import type { TenantContext } from './tenant-context';

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
