// What the renderer may see of a flow: the FlowView builders, the created-instance summary with a
// masked token, and the failures of the flow as AppErrors. No secret, code or token goes in here.
import type { FlowView, InstanceCreated } from '../../../common/contract';
import type { PlatformInstance } from '../cloud-elements/platform-client';
import { AppFailure, appErrorOf, isFailure } from '../errors';
import { maskSecret } from '../tenants/secret-accounts';
import type { FlowPlan } from './flow-plan';

export const CODE_LIFETIME_MS = 120_000;

export function viewBase(plan: FlowPlan) {
  return {
    flowId: plan.flowId,
    tenantId: plan.tenant.tenantId,
    tenantName: plan.tenant.tenantName,
    instanceName: plan.instanceName,
  };
}

export function instanceCreated(
  instance: PlatformInstance,
  fallback: { elementKey: string; now: number; dataCenter?: string },
): InstanceCreated {
  return {
    id: instance.id,
    name: instance.name,
    elementKey: instance.element?.key ?? fallback.elementKey,
    createdDate: instance.createdDate ?? new Date(fallback.now).toISOString(),
    tokenHint: maskSecret(instance.token),
    ...(fallback.dataCenter ? { dataCenter: fallback.dataCenter } : {}),
  };
}

export function awaitingView(plan: FlowPlan, authUrl: string, waitUntil: number): FlowView {
  const base = viewBase(plan);
  return {
    step: 'awaiting-consent',
    ...base,
    authUrl,
    callbackUrl: plan.callbackUrl,
    door: plan.door,
    waitUntil,
  };
}

export function creatingView(plan: FlowPlan, now: number, dataCenter: string | undefined): FlowView {
  const codeExpiresAt = now + CODE_LIFETIME_MS;
  return { step: 'creating', ...viewBase(plan), codeExpiresAt, ...(dataCenter ? { dataCenter } : {}) };
}

export function doneView(
  plan: FlowPlan,
  instance: PlatformInstance,
  context: { now: number; dataCenter?: string; reauthenticated: boolean },
): FlowView {
  const created = instanceCreated(instance, { elementKey: plan.elementKey, ...context });
  return { step: 'done', ...viewBase(plan), instance: created, reauthenticated: context.reauthenticated };
}

export function lostResponseView(
  plan: FlowPlan,
  candidate: PlatformInstance | undefined,
  message: string,
  now: number,
): FlowView {
  return {
    step: 'lost-response',
    ...viewBase(plan),
    ...(candidate ? { candidate: instanceCreated(candidate, { elementKey: plan.elementKey, now }) } : {}),
    message,
  };
}

export function failedView(plan: FlowPlan, error: unknown): FlowView {
  return { step: 'failed', ...viewBase(plan), error: appErrorOf(error) };
}

/** Step 3 failures in the user's words: an expired grant code gets its own code and way forward. */
export function creationFailure(error: unknown): unknown {
  if (!isFailure(error, 'platform_bad_request')) return error;
  const said = `${error.details?.platformMessage ?? ''} ${error.details?.providerMessage ?? ''}`;
  if (/expired/i.test(said)) {
    return new AppFailure(
      'code_expired',
      'The grant code expired before the platform could exchange it (Zoho codes live 2 minutes). ' +
        'Start again and finish the consent in one go.',
      error.details,
    );
  }
  return error;
}

export function deniedFailure(vendorError: string, description: string | undefined): AppFailure {
  const why = description ? ` (${vendorError}: ${description})` : ` (${vendorError})`;
  return new AppFailure(
    'consent_denied',
    `The sign-in was declined at the vendor${why}. Start again and approve the access to create the instance.`,
    { vendorError, ...(description ? { vendorErrorDescription: description } : {}) },
  );
}

export function consentTimeout(waitMs: number): AppFailure {
  const minutes = Math.max(1, Math.round(waitMs / 60_000));
  return new AppFailure(
    'timeout',
    `No sign-in came back from the browser within ${minutes} minute${minutes === 1 ? '' : 's'}. Start again when you are ready.`,
  );
}

/**
 * Among the instances the platform lists, the one this plan's POST made: the same name and the marker
 * tag the POST carried, matched exactly. A colleague's instance of the same name never carries it.
 */
export function findLostInstance(
  instances: PlatformInstance[],
  plan: Pick<FlowPlan, 'instanceName' | 'elementKey' | 'marker'>,
): PlatformInstance | undefined {
  return instances.find(
    (instance) =>
      instance.name === plan.instanceName &&
      (instance.element?.key === undefined || instance.element.key === plan.elementKey) &&
      typeof instance.token === 'string' &&
      (instance.tags ?? []).includes(plan.marker),
  );
}
