// The queue's one rule about tenants, for main (reading the queue file) and the renderer (a tenant
// removed while the queue runs): a removed tenant's items go, and the current item keeps its place.
import type { SignInQueue } from './contract';

export function withoutRemovedTenants(queue: SignInQueue, tenantIds: ReadonlySet<string>): SignInQueue {
  const items = queue.items.filter((item) => tenantIds.has(item.tenantId));
  if (items.length === queue.items.length) return queue;
  const still = queue.current === null ? undefined : queue.items[queue.current];
  const index = still ? items.indexOf(still) : -1;
  return { items, current: index >= 0 ? index : null };
}
