// The import report: what was created (new ids), skipped (why) and failed (the platform's reason and
// request id), filled in from the plan and from each instance's flow as it ends.
import { assertNever } from '../../../common/assert-never';
import type { FlowView } from '../../../common/contract';
import type { AppFailure } from '../errors';
import type { ImportItem, ImportPlan } from './import-plan';

/** The end of an import: what was created (new ids), skipped (why) and failed (the platform's reason). */
export interface ImportReport {
  tenantName: string;
  created: { sourceId: number; name: string; id: number }[];
  skipped: { sourceId: number; name: string; reason: string }[];
  failed: { sourceId: number; name: string; code: string; message: string; requestId?: string }[];
}

/** A report that starts with the plan's skipped instances; the flows fill in the rest. */
export function startReport(plan: ImportPlan, tenantName: string): ImportReport {
  return {
    tenantName,
    created: [],
    skipped: plan.items
      .filter((item) => item.action === 'skip')
      .map((item) => ({ sourceId: item.sourceId, name: item.targetName, reason: item.skipReason ?? '' })),
    failed: [],
  };
}

/** Records how one instance's flow ended. */
export function recordOutcome(report: ImportReport, item: ImportItem, view: FlowView): void {
  const entry = { sourceId: item.sourceId, name: item.targetName };
  switch (view.step) {
    case 'done':
      report.created.push({ ...entry, id: view.instance.id });
      return;
    case 'failed':
      report.failed.push({
        ...entry,
        code: view.error.code,
        message: view.error.message,
        ...(view.error.details?.requestId ? { requestId: view.error.details.requestId } : {}),
      });
      return;
    case 'lost-response':
      report.failed.push({
        ...entry,
        code: 'response_lost',
        message:
          'The platform did not answer the creation request; check the tenant before importing again ' +
          '(an instance it made is skipped then).',
      });
      return;
    case 'cancelled':
      report.failed.push({
        ...entry,
        code: 'cancelled',
        message: 'The sign-in was cancelled, so nothing was created.',
      });
      return;
    case 'idle':
    case 'fetching-url':
    case 'awaiting-consent':
    case 'creating':
      report.failed.push({ ...entry, code: 'internal', message: `The sign-in stopped at "${view.step}".` });
      return;
    default:
      assertNever(view);
  }
}

/** Records a failure before or around the flow (its start refused, the door closed). */
export function recordFailure(report: ImportReport, item: ImportItem, error: AppFailure): void {
  report.failed.push({
    sourceId: item.sourceId,
    name: item.targetName,
    code: error.code,
    message: error.message,
  });
}
