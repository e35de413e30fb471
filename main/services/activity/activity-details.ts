// What the activity log says about an edit of a tenant (which fields changed, which secrets were
// rotated, by name only) and about a flow's instance. Secret values never reach a record.
import type { FlowView, TenantUpdate } from '../../../common/contract';
import type { ActivityRecord } from './activity-log';

const FIELDS = ['name', 'environment', 'customUrl', 'color'] as const;

export function tenantUpdateActivity(tenant: ActivityRecord['tenant'], input: TenantUpdate): ActivityRecord {
  const rotated = [input.orgSecret?.trim() ? 'org' : '', input.userSecret?.trim() ? 'user' : ''].filter(
    Boolean,
  );
  const changed = FIELDS.filter((field) => input[field] !== undefined);
  return {
    action: rotated.length > 0 ? 'tenant.secrets-rotated' : 'tenant.updated',
    tenant,
    details: { changed: changed.join(', '), rotated: rotated.join(', ') },
  };
}

/** The flow as the activity log sees it: creation or re-authentication, of which instance, for which tenant. */
export function flowActivity(session: {
  plan: { tenant: ActivityRecord['tenant']; instanceName: string; reauthenticateInstanceId?: number };
  view: FlowView;
}): ActivityRecord {
  const { plan, view } = session;
  const created = view.step === 'done' ? view.instance : undefined;
  const instanceId = created?.id ?? plan.reauthenticateInstanceId;
  return {
    action: plan.reauthenticateInstanceId === undefined ? 'instance.created' : 'instance.reauthenticated',
    tenant: plan.tenant,
    ...(instanceId !== undefined ? { instanceId } : {}),
    instanceName: created?.name ?? plan.instanceName,
  };
}
