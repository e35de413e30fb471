// The flow's step table: every trait of a FlowView step written once. Main's flow and tenant
// services and the renderer's stepper read it; a new step is one row the compiler asks for.
import type { FlowView } from './contract';

export type FlowStep = FlowView['step'];

export interface StepTraits {
  /** The stepper's step shown (0 Redirect URL, 1 Authenticate users, 2 Authenticate instance, 3 done); null keeps the last one. */
  stepperIndex: 0 | 1 | 2 | 3 | null;
  /** Order within one flow: a view of lower rank arriving after a higher one is stale. */
  rank: number;
  /** Still running on its own: a callback, a timer or a request of it may still arrive. */
  running: boolean;
  /** The user may drop it (cancel): nothing is in flight that could create an instance. */
  abandonable: boolean;
  /** Switching or removing its tenant must ask the user first. */
  blocksTenantChange: boolean;
}

export const FLOW_STEPS = {
  idle: { stepperIndex: 0, rank: 0, running: false, abandonable: false, blocksTenantChange: false },
  'fetching-url': { stepperIndex: 0, rank: 1, running: true, abandonable: true, blocksTenantChange: true },
  'awaiting-consent': {
    stepperIndex: 1,
    rank: 2,
    running: true,
    abandonable: true,
    blocksTenantChange: true,
  },
  creating: { stepperIndex: 2, rank: 3, running: true, abandonable: false, blocksTenantChange: true },
  'lost-response': { stepperIndex: 2, rank: 4, running: false, abandonable: true, blocksTenantChange: true },
  done: { stepperIndex: 3, rank: 4, running: false, abandonable: false, blocksTenantChange: false },
  failed: { stepperIndex: null, rank: 4, running: false, abandonable: false, blocksTenantChange: false },
  cancelled: { stepperIndex: null, rank: 4, running: false, abandonable: false, blocksTenantChange: false },
} as const satisfies Record<FlowStep, StepTraits>;

/** The steps that make the tenant service ask before a switch or a remove. */
export type TenantBlockingStep = {
  [S in FlowStep]: (typeof FLOW_STEPS)[S]['blocksTenantChange'] extends true ? S : never;
}[FlowStep];
export type TenantBlockingView = Extract<FlowView, { step: TenantBlockingStep }>;

export function blocksTenantChange(view: FlowView): view is TenantBlockingView {
  return FLOW_STEPS[view.step].blocksTenantChange;
}
