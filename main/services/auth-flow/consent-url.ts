// Step 1 against the platform: the vendor's authorization URL for the plan (checked https or
// loopback before the browser sees it), and for re-authentication the instance as it is now.
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import { AppFailure, isFailure } from '../errors';
import { assertSafeRemoteUrl } from '../net/safe-url';
import type { FlowPlan } from './flow-plan';

export async function fetchAuthorizationUrl(client: PlatformClient, plan: FlowPlan): Promise<string> {
  const { oauthUrl } = await client.getOAuthUrl(plan.elementKey, {
    apiKey: plan.apiKey,
    apiSecret: plan.apiSecret,
    callbackUrl: plan.callbackUrl,
    state: plan.state,
    ...(plan.scope ? { scope: plan.scope } : {}),
  });
  assertSafeRemoteUrl(oauthUrl, 'The authorization URL from the platform');
  return oauthUrl;
}

/** GET /instances/{id} before the consent, so a wrong id fails before the user signs in. */
export async function loadInstanceToReauthenticate(
  client: PlatformClient,
  plan: FlowPlan,
  id: number,
): Promise<PlatformInstance> {
  let current: PlatformInstance;
  try {
    current = await client.getInstance(id);
  } catch (error) {
    if (!isFailure(error, 'platform_not_found')) throw error;
    throw new AppFailure('instance_not_found', `The platform has no instance ${id} for this tenant.`);
  }
  const key = current.element?.key;
  if (key && key !== plan.elementKey) {
    throw new AppFailure(
      'invalid_input',
      `Instance ${id} belongs to the element "${key}", not "${plan.elementKey}".`,
    );
  }
  return current;
}
