// Step 3 against the platform: one POST /instances (or one re-authenticating PUT), never resent, for a
// tenant that still exists; after a lost answer, the instance tied to this request by its marker tag.
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import type { ZohoDataCenter } from '../elements/zoho-data-centers';
import { AppFailure, appErrorOf, isFailure } from '../errors';
import type { Logger, SecretStore } from '../ports';
import { isKeychainFailure } from '../tenants/keychain-failures';
import { secretAccounts } from '../tenants/secret-accounts';
import type { TenantResolver } from '../tenants/tenant-context';
import type { FlowPlan } from './flow-plan';
import { creationFailure, findLostInstance } from './flow-views';
import { createInstanceBody, reauthenticateBody, type GrantCallback } from './instance-body';

export type StepOutcome =
  | { kind: 'created'; instance: PlatformInstance }
  | { kind: 'lost'; candidate?: PlatformInstance; message: string }
  | { kind: 'failed'; error: unknown };

export interface StepRequest {
  client: PlatformClient;
  tenants: TenantResolver;
  plan: FlowPlan;
  callback: GrantCallback;
  dataCenter?: ZohoDataCenter;
  /** The instance to re-authenticate, as GET /instances/{id} returned it. */
  current?: PlatformInstance;
  /** Aborted when the user stops waiting for the POST: the answer is then lost. */
  cancel: AbortSignal;
  log: Logger;
}

export async function runInstanceStep(request: StepRequest): Promise<StepOutcome> {
  const { client, plan, callback, dataCenter, current } = request;
  try {
    if (await tenantGone(request.tenants, plan)) {
      throw new AppFailure(
        'tenant_not_found',
        `The tenant "${plan.tenant.tenantName}" was removed while the sign-in was under way (from another window or the CLI), so no instance was created.`,
      );
    }
    if (request.cancel.aborted) {
      throw new AppFailure(
        'cancelled',
        'The sign-in was cancelled before the instance was sent, so nothing was created.',
      );
    }
    const instance = current
      ? await client.updateInstance(current.id, reauthenticateBody(plan, current, callback, dataCenter), {
          reAuthenticate: true,
        })
      : await client.createInstance(createInstanceBody(plan, callback, dataCenter), request.cancel);
    return { kind: 'created', instance };
  } catch (error) {
    if (!isFailure(error, 'response_lost')) return { kind: 'failed', error: creationFailure(error) };
    if (current) {
      const next = `Instance ${current.id} is still there; test it, and re-authenticate it again if its token fails.`;
      return { kind: 'lost', message: `${error.message} ${next}` };
    }
    const found = await lookForLostInstance(client, plan, request.log);
    return { kind: 'lost', ...found, message: `${error.message} ${found.message}` };
  }
}

/** True when the registry no longer has the flow's tenant: another process removed it since the flow began. */
async function tenantGone(tenants: TenantResolver, plan: FlowPlan): Promise<boolean> {
  try {
    await tenants.resolve(plan.tenant.tenantId);
    return false;
  } catch (error) {
    if (isFailure(error, 'tenant_not_found')) return true;
    throw error;
  }
}

/**
 * The instance a lost POST of this plan made, found by the marker tag the POST carried (never by name
 * and time, which a colleague's instance can match), with one sentence saying what was or was not found.
 */
export async function lookForLostInstance(
  client: PlatformClient,
  plan: FlowPlan,
  log: Logger,
): Promise<{ candidate?: PlatformInstance; message: string }> {
  let candidate: PlatformInstance | undefined;
  try {
    candidate = findLostInstance(await client.listInstances(), plan);
  } catch (error) {
    log.warn('Could not list instances after a lost response', {
      flowId: plan.flowId,
      code: appErrorOf(error).code,
    });
    return {
      message: `The platform's list of instances could not be read (${appErrorOf(error).message}), so whether an instance named "${plan.instanceName}" was made is unknown, and the grant code is spent: look in the instances list before starting a new consent.`,
    };
  }
  if (!candidate) {
    return {
      message: `No instance made by this request could be found on the platform, and the grant code is spent: start a new consent.`,
    };
  }
  return {
    candidate,
    message: `The platform shows instance ${candidate.id} "${candidate.name}", made by this very request: keep it, or start again.`,
  };
}

/**
 * Stores the instance token (and the events signature key) in the keychain; returns the token's account.
 * The tenant is checked first: a token stored for a removed tenant would be an orphan no command lists.
 */
export async function keepSecrets(
  secrets: SecretStore,
  tenants: TenantResolver,
  plan: FlowPlan,
  instance: PlatformInstance,
): Promise<string> {
  if (!instance.token) {
    throw new AppFailure('internal', `The platform answered without the token of instance ${instance.id}.`);
  }
  if (await tenantGone(tenants, plan)) {
    throw new AppFailure(
      'tenant_not_found',
      `Instance ${instance.id} was made on the platform, but the tenant "${plan.tenant.tenantName}" was removed meanwhile, so its token was not saved: delete the instance on the platform, or add the tenant again and re-authenticate the instance.`,
    );
  }
  const account = secretAccounts.instanceToken(plan.tenant.tenantId, instance.id);
  try {
    await secrets.set(account, instance.token);
    if (plan.signatureKey) {
      await secrets.set(secretAccounts.signatureKey(plan.tenant.tenantId, instance.id), plan.signatureKey);
    }
  } catch (error) {
    throw new AppFailure(
      isKeychainFailure(error) ? error.code : 'keychain_unavailable',
      `Instance ${instance.id} exists, but its token could not be saved. ${appErrorOf(error).message}`,
    );
  }
  return account;
}
