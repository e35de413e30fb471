// Step 3 against the platform: one POST /instances (or one re-authenticating PUT), never resent;
// after a lost answer, a look at GET /instances for the instance it may have made; then the keychain.
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import type { ZohoDataCenter } from '../elements/zoho-data-centers';
import { AppFailure, isFailure } from '../errors';
import type { Logger, SecretStore } from '../ports';
import { isKeychainFailure } from '../tenants/keychain-failures';
import { secretAccounts } from '../tenants/secret-accounts';
import type { FlowPlan } from './flow-plan';
import { creationFailure, findLostInstance, toAppError } from './flow-views';
import { createInstanceBody, reauthenticateBody, type GrantCallback } from './instance-body';

export type StepOutcome =
  | { kind: 'created'; instance: PlatformInstance }
  | { kind: 'lost'; candidate?: PlatformInstance; message: string }
  | { kind: 'failed'; error: unknown };

export interface StepRequest {
  client: PlatformClient;
  plan: FlowPlan;
  callback: GrantCallback;
  dataCenter?: ZohoDataCenter;
  /** The instance to re-authenticate, as GET /instances/{id} returned it. */
  current?: PlatformInstance;
  sentAt: number;
  lostWindowMs: number;
  log: Logger;
}

export async function runInstanceStep(request: StepRequest): Promise<StepOutcome> {
  const { client, plan, callback, dataCenter, current } = request;
  try {
    const instance = current
      ? await client.updateInstance(current.id, reauthenticateBody(plan, current, callback, dataCenter), {
          reAuthenticate: true,
        })
      : await client.createInstance(createInstanceBody(plan, callback, dataCenter));
    return { kind: 'created', instance };
  } catch (error) {
    if (!isFailure(error, 'response_lost')) return { kind: 'failed', error: creationFailure(error) };
    return lookForLostInstance(request, error);
  }
}

async function lookForLostInstance(request: StepRequest, lost: AppFailure): Promise<StepOutcome> {
  const { client, plan, sentAt, lostWindowMs, log } = request;
  let candidate: PlatformInstance | undefined;
  try {
    candidate = findLostInstance(await client.listInstances(), {
      name: plan.instanceName,
      elementKey: plan.elementKey,
      sentAt,
      windowMs: lostWindowMs,
    });
  } catch (error) {
    log.warn('Could not list instances after a lost response', {
      flowId: plan.flowId,
      code: toAppError(error).code,
    });
  }
  if (!candidate) {
    return {
      kind: 'lost',
      message: `${lost.message} The platform shows no such instance, and the grant code is spent: start a new consent.`,
    };
  }
  return {
    kind: 'lost',
    candidate,
    message: `${lost.message} The platform shows an instance named "${candidate.name}" created just now: keep it, or start again.`,
  };
}

/** Stores the instance token (and the events signature key) in the keychain; returns the token's account. */
export async function keepSecrets(
  secrets: SecretStore,
  plan: FlowPlan,
  instance: PlatformInstance,
): Promise<string> {
  if (!instance.token) {
    throw new AppFailure('internal', `The platform answered without the token of instance ${instance.id}.`);
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
      `Instance ${instance.id} exists, but its token could not be saved. ${toAppError(error).message}`,
    );
  }
  return account;
}
