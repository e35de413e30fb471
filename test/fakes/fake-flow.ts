// A flow the test sets by hand (any FlowView), recording how often it was cancelled: what the
// tenant switch sees of the flow service.
import type { FlowView } from '../../common/contract';
import type { FlowControl } from '../../main/services/tenant-switch';

/** A flow the test sets by hand, recording whether the tenants service cancelled it. */
export class FakeFlow implements FlowControl {
  view: FlowView = { step: 'idle' };
  cancelled = 0;
  get() {
    return this.view;
  }
  cancel() {
    this.cancelled += 1;
    this.view = { step: 'idle' };
  }
}
