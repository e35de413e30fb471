// What each action writes to the activity log, built from what the acting service has at hand:
// names, ids, counts and choices. A secret value never reaches a record (only which one changed).
import type { ActivityAction, FlowView, TenantUpdate } from '../../../common/contract';
import { failureOf, type ActivityRecord } from './activity-log';

type Tenant = ActivityRecord['tenant'];
/** A tenant as the metadata file has it. */
type TenantRow = { id: string; name: string };
/** What a flow knows of itself: its plan (tenant, instance) and what it shows. */
type Flow = {
  plan: {
    tenant: Tenant;
    instanceName: string;
    elementKey: string;
    door: string;
    reauthenticateInstanceId?: number;
  };
  view: FlowView;
};

const tenantOf = (row: TenantRow): Tenant => ({ tenantId: row.id, tenantName: row.name });

export function tenantRecord(
  action: ActivityAction,
  row: TenantRow,
  details?: ActivityRecord['details'],
): ActivityRecord {
  return { action, tenant: tenantOf(row), ...(details ? { details } : {}) };
}

export function tenantAdded(row: TenantRow & { environment: string; baseUrl: string }): ActivityRecord {
  return tenantRecord('tenant.added', row, { environment: row.environment, baseUrl: row.baseUrl });
}

/** Which fields changed and which secrets were rotated, by name only. */
export function tenantUpdated(row: TenantRow, input: TenantUpdate): ActivityRecord {
  const rotated = [input.orgSecret?.trim() ? 'org' : '', input.userSecret?.trim() ? 'user' : ''].filter(
    Boolean,
  );
  const changed = (['name', 'environment', 'customUrl', 'color'] as const).filter(
    (field) => input[field] !== undefined,
  );
  const action = rotated.length > 0 ? 'tenant.secrets-rotated' : 'tenant.updated';
  return tenantRecord(action, row, { changed: changed.join(', '), rotated: rotated.join(', ') });
}

export function tenantRemoved(row: TenantRow, keepActivity: boolean | undefined): ActivityRecord {
  return tenantRecord('tenant.removed', row, { activityKept: keepActivity !== false });
}

export function oauthAppSaved(
  owner: TenantRow,
  app: { name: string; clientId: string },
  clientSecretChanged: boolean,
): ActivityRecord {
  return tenantRecord('oauth-app.saved', owner, {
    app: app.name,
    clientId: app.clientId,
    clientSecretChanged,
  });
}

export function instanceRecord(
  action: ActivityAction,
  tenant: Tenant,
  instanceId: number,
  instanceName?: string,
): ActivityRecord {
  return { action, tenant, instanceId, ...(instanceName !== undefined ? { instanceName } : {}) };
}

export function instanceTested(
  tenant: Tenant,
  instanceId: number,
  outcome: { ok: boolean; code?: string },
): ActivityRecord {
  return {
    ...instanceRecord('instance.tested', tenant, instanceId),
    outcome: outcome.ok ? 'ok' : 'failed',
    details: outcome.code ? { code: outcome.code } : {},
  };
}

export function instancesExported(
  tenant: Tenant,
  instanceIds: number[],
  secretsIncluded: boolean,
  destination: string | undefined,
): ActivityRecord {
  const details = { instanceIds, secretsIncluded, to: destination ?? null };
  return { action: 'instances.exported', tenant, details };
}

/** The flow's instance: created or re-authenticated (or the given action on it), which one, for which tenant. */
export function flowRecord(flow: Flow, action?: ActivityAction): ActivityRecord {
  const { plan, view } = flow;
  const created = view.step === 'done' ? view.instance : undefined;
  const instanceId = created?.id ?? plan.reauthenticateInstanceId;
  return {
    action:
      action ??
      (plan.reauthenticateInstanceId === undefined ? 'instance.created' : 'instance.reauthenticated'),
    tenant: plan.tenant,
    ...(instanceId !== undefined ? { instanceId } : {}),
    instanceName: created?.name ?? plan.instanceName,
  };
}

export function flowSucceeded(
  flow: Flow,
  instance: { id: number; name: string },
  dataCenter?: string,
): ActivityRecord {
  const { elementKey, door } = flow.plan;
  const details = { element: elementKey, door, dataCenter: dataCenter ?? null };
  return { ...flowRecord(flow), instanceId: instance.id, instanceName: instance.name, details };
}

/** Step 3 failed (with the platform's request id when it gave one), or its answer was lost. */
export function flowFailed(flow: Flow, error: unknown | 'response_lost'): ActivityRecord {
  if (error === 'response_lost') return { ...flowRecord(flow), outcome: 'failed', details: { code: error } };
  return { ...flowRecord(flow), ...failureOf(error) };
}

/** A health run over one tenant: how many instances were checked and failing, and whether it was cancelled. */
export function healthChecked(
  row: TenantRow,
  run: { checked: number; total: number; failing: number; cancelled: boolean },
): ActivityRecord {
  return tenantRecord('health.checked', row, {
    checked: run.checked,
    total: run.total,
    failing: run.failing,
    cancelled: run.cancelled,
  });
}
