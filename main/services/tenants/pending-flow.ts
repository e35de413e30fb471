// The tenants service's view of the 3-step flow: whether one is still pending and the sentence that
// names it, so switching or removing its tenant asks the user first.
import type { FlowView } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';

/** What the tenants service needs from the flow service; index.ts wires it. */
export interface PendingFlowGuard {
  current(): FlowView;
  /** Cancels the pending flow, once the user chose to abandon it. */
  cancel(): Promise<unknown> | unknown;
}

export const noFlowGuard: PendingFlowGuard = {
  current: () => ({ step: 'idle' }),
  cancel: () => undefined,
};

type PendingView = Extract<
  FlowView,
  { step: 'fetching-url' | 'awaiting-consent' | 'creating' | 'lost-response' }
>;

export function pendingFlow(view: FlowView): PendingView | null {
  switch (view.step) {
    case 'idle':
    case 'done':
    case 'failed':
    case 'cancelled':
      return null;
    case 'fetching-url':
    case 'awaiting-consent':
    case 'creating':
    case 'lost-response':
      return view;
    default:
      return assertNever(view);
  }
}

/** "The flow creating “Acme CRM” for Acme is still waiting for the user's consent." */
export function describePendingFlow(view: PendingView): string {
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
