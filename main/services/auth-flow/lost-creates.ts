// The creations whose answer was lost, per tenant and instance name: the next POST of that name asks
// first (possible_duplicate), showing the instance tied to the lost request, or saying none was found.
import { AppFailure } from '../errors';
import type { PlatformClient } from '../cloud-elements/platform-client';
import type { Logger } from '../ports';
import type { FlowPlan } from './flow-plan';
import { lookForLostInstance } from './instance-step';

const keyOf = (plan: FlowPlan) => JSON.stringify([plan.tenant.tenantId, plan.elementKey, plan.instanceName]);

export class LostCreates {
  /** The plan of the lost POST, and whether the user was already warned about it. */
  private readonly lost = new Map<string, { plan: FlowPlan; warned: boolean }>();

  remember(plan: FlowPlan): void {
    this.lost.set(keyOf(plan), { plan, warned: false });
  }

  forget(plan: FlowPlan): void {
    this.lost.delete(keyOf(plan));
  }

  /**
   * Before a new POST of a name whose last POST lost its answer: the first start is refused with what the
   * platform shows of that lost request; starting again confirms, and the POST goes out.
   */
  async warn(plan: FlowPlan, client: PlatformClient, log: Logger): Promise<void> {
    const earlier = this.lost.get(keyOf(plan));
    if (!earlier) return;
    if (earlier.warned) {
      this.lost.delete(keyOf(plan));
      return;
    }
    earlier.warned = true;
    const { candidate } = await lookForLostInstance(client, earlier.plan, log);
    const lost = `The last attempt to create "${plan.instanceName}" for ${plan.tenant.tenantName} lost its answer`;
    const shown = candidate
      ? `, and the platform shows instance ${candidate.id} "${candidate.name}" made by that attempt: it may be the one you want (see the instances list).`
      : `; no instance made by that attempt could be found on the platform, though it may still appear.`;
    throw new AppFailure(
      'possible_duplicate',
      `${lost}${shown} Start again to create another instance of that name anyway.`,
    );
  }
}
