// The tenant list as the screen shows it: the active tenant first, then by name; and the search over
// what a consultant remembers of a customer (name, environment, platform host, team-store entry).
import type { TenantList, TenantView } from '../../../common/contract';
import { environmentLabel } from '../../../common/environments';
import { parseUrl } from '../../../common/urls';

/** The active tenant first, the others by name as a person sorts them. */
export function orderedTenants(list: TenantList): TenantView[] {
  const byName = [...list.tenants].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
  const active = byName.find((tenant) => tenant.id === list.activeTenantId);
  return active ? [active, ...byName.filter((tenant) => tenant !== active)] : byName;
}

/** The text a search looks in, lower case. */
function searchText(tenant: TenantView): string {
  return [
    tenant.name,
    environmentLabel(tenant.environment, tenant.baseUrl),
    parseUrl(tenant.baseUrl)?.host ?? tenant.baseUrl,
    tenant.teamStore?.entry ?? '',
  ]
    .join(' ')
    .toLocaleLowerCase();
}

/** The tenants whose name, environment, host or entry holds every word of the query. */
export function searchTenants(tenants: TenantView[], query: string): TenantView[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tenants;
  return tenants.filter((tenant) => {
    const text = searchText(tenant);
    return words.every((word) => text.includes(word));
  });
}
