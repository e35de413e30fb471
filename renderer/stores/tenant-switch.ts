// Which tenant is active, as the tenants store last heard from main, and a way for the stores that
// keep tenant-owned state to rescope it in the same update that changes the header.
import { useTenantsStore } from './tenants';

export const activeTenantId = (): string | null => useTenantsStore.getState().list?.activeTenantId ?? null;

/**
 * Calls `listener` synchronously whenever the active tenant changes (zustand runs subscribers inside
 * the update), so no frame shows the new tenant beside the previous tenant's state. `previous` is
 * undefined when the tenants were not known yet: the first list names the tenant, it switches nothing.
 */
export function onTenantSwitch(
  listener: (next: string | null, previous: string | null | undefined) => void,
): () => void {
  return useTenantsStore.subscribe((state, before) => {
    const next = state.list?.activeTenantId ?? null;
    const previous = before.list ? before.list.activeTenantId : undefined;
    if (next !== previous) listener(next, previous);
  });
}
