// The rule that a flow still in progress blocks switching away from its tenant or removing it: the
// one place that sees both the tenants and the flow, built after both in createServices.
import type { FlowView, TenantList } from '../../common/contract';
import { assertNever } from '../../common/assert-never';
import { blocksTenantChange, type TenantBlockingView } from '../../common/flow-steps';
import { AppFailure } from './errors';
import type { TenantService } from './tenants/tenant-service';

/** What the switch needs of the flow service. */
export interface FlowControl {
  get(): FlowView;
  /** Cancels the flow, once the user chose to abandon it. */
  cancel(): Promise<unknown> | unknown;
}

export interface TenantChangeInput {
  id: string;
  /** Without it a blocking flow makes the call fail with flow_pending, so the UI can ask first. */
  abandonPendingFlow?: boolean;
}

/** "The flow creating “Acme CRM” for Acme is still waiting for the sign-in in the browser." */
export function describeBlockingFlow(view: TenantBlockingView): string {
  const which = `The flow creating “${view.instanceName}” for ${view.tenantName}`;
  switch (view.step) {
    case 'fetching-url':
      return `${which} is still starting.`;
    case 'awaiting-consent':
      return `${which} is still waiting for the sign-in in the browser.`;
    case 'creating':
      return `${which} is creating the instance right now.`;
    case 'lost-response':
      return `${which} is waiting for you to check whether the instance was created.`;
    default:
      return assertNever(view);
  }
}

export class TenantSwitch {
  constructor(
    private readonly tenants: TenantService,
    private readonly flow: FlowControl,
  ) {}

  /** Makes the tenant the active one; a flow of another tenant in progress asks first (flow_pending). */
  async use(input: TenantChangeInput): Promise<TenantList> {
    const tenant = await this.tenants.view(input.id);
    await this.guard(
      input,
      (flowTenant) => flowTenant !== tenant.id,
      `Switching to ${tenant.name} cancels it.`,
    );
    return this.tenants.use({ id: tenant.id });
  }

  /** Removes the tenant (keeping its activity log unless told not to); a flow of this tenant in progress asks first. */
  async remove(input: TenantChangeInput & { keepActivity?: boolean }): Promise<TenantList> {
    const tenant = await this.tenants.view(input.id);
    await this.guard(input, (flowTenant) => flowTenant === tenant.id, `Removing ${tenant.name} cancels it.`);
    return this.tenants.remove({ id: tenant.id, keepActivity: input.keepActivity });
  }

  private async guard(
    input: TenantChangeInput,
    concerns: (flowTenant: string) => boolean,
    consequence: string,
  ) {
    const view = this.flow.get();
    if (!blocksTenantChange(view) || !concerns(view.tenantId)) return;
    if (!input.abandonPendingFlow) {
      throw new AppFailure('flow_pending', `${describeBlockingFlow(view)} ${consequence}`);
    }
    await this.flow.cancel();
  }
}
