// The ActivityLog port the acting services record through (one call per action), what a record
// holds, and the do-nothing log for services built without one. Never a secret in a record.
import type { ActivityAction, ActivityEntry } from '../../../common/contract';
import { isFailure } from '../errors';

export interface ActivityRecord {
  action: ActivityAction;
  /** The tenant acted on: a TenantContext, or { tenantId, tenantName } of a record. */
  tenant: { tenantId: string; tenantName: string };
  instanceId?: number;
  instanceName?: string;
  /** 'ok' when absent. */
  outcome?: ActivityEntry['outcome'];
  requestId?: string;
  /** Names, ids, counts and choices only: never a secret, token, code or client secret. */
  details?: ActivityEntry['details'];
}

export interface ActivityLog {
  /** Appends one line to the tenant's log; never throws (a failure to write becomes a warning). */
  record(entry: ActivityRecord): Promise<void>;
  /** Deletes the tenant's whole log (when a tenant is removed without keeping it); never throws either. */
  forget(tenantId: string): Promise<void>;
}

export const noActivity: ActivityLog = {
  record: () => Promise.resolve(),
  forget: () => Promise.resolve(),
};

/** The outcome fields of a failed action: its code and the platform's request id (never its message). */
export function failureOf(error: unknown): Pick<ActivityRecord, 'outcome' | 'requestId' | 'details'> {
  const failure = isFailure(error) ? error : undefined;
  const requestId = failure?.details?.requestId;
  return {
    outcome: 'failed',
    ...(requestId ? { requestId } : {}),
    details: { code: failure?.code ?? 'internal' },
  };
}
