// Plain words for the activity log's actions and details, and the rows the view shows after its
// filters: the same entries main returned, newest first.
import type { ActivityAction, ActivityEntry } from '../../../common/contract';
import type { ActivityFilters } from '../../stores/activity';

export const ACTION_LABELS: Record<ActivityAction, string> = {
  'tenant.added': 'Tenant added',
  'tenant.updated': 'Tenant edited',
  'tenant.secrets-rotated': 'Secrets rotated',
  'tenant.removed': 'Tenant removed',
  'tenant.secret-copied': 'Tenant secret copied',
  'oauth-app.saved': 'OAuth app saved',
  'oauth-app.removed': 'OAuth app removed',
  'instance.created': 'Instance created',
  'instance.reauthenticated': 'Instance re-authenticated',
  'instance.tested': 'Instance tested',
  'instance.deleted': 'Instance deleted',
  'instance.token-copied': 'Instance token copied',
  'instances.exported': 'Instances exported',
  'health.checked': 'Health checked',
};

export function detailsText(entry: ActivityEntry): string {
  const parts = Object.entries(entry.details)
    .filter(([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  if (entry.requestId) parts.push(`request id: ${entry.requestId}`);
  return parts.join(' · ');
}

export function visibleEntries(entries: ActivityEntry[], filters: ActivityFilters): ActivityEntry[] {
  return entries.filter(
    (entry) =>
      (filters.action === null || entry.action === filters.action) &&
      (filters.instanceId === null || entry.instanceId === filters.instanceId),
  );
}

/** The instances the log mentions, by id, each with the latest name the log gives it: "Acme CRM (41)". */
export function instancesIn(entries: ActivityEntry[]): Map<number, string> {
  const names = new Map<number, string | undefined>();
  for (const entry of entries) {
    if (entry.instanceId === undefined) continue;
    names.set(entry.instanceId, names.get(entry.instanceId) ?? entry.instanceName);
  }
  return new Map([...names].map(([id, name]) => [id, name ? `${name} (${id})` : String(id)]));
}
