// "Re-authenticate these": a queue of failing instances opened one after another in the stepper,
// each on its own tenant. It only calls the other stores' existing actions and reads the flow's view.
import { create } from 'zustand';
import type { HealthRow } from '../../common/health-rows';
import { useAppStore } from './app';
import { useFlowStore } from './flow';
import { useInstancesStore } from './instances';
import { useTenantsStore } from './tenants';

export type QueueItemStatus = 'left' | 'done' | 'skipped';

export interface QueueItem {
  tenantId: string;
  tenantName: string;
  instanceId: number;
  name: string;
  elementKey: string;
  status: QueueItemStatus;
}

interface ReauthQueueState {
  items: QueueItem[];
  /** Index of the item the stepper is on, or null between items (and when the queue is empty). */
  current: number | null;
  /** Queues these instances (replacing any earlier queue) and opens the first. */
  start(rows: HealthRow[]): Promise<void>;
  /** Opens the next item still left; the queue ends when none is. */
  next(): Promise<void>;
  /** Leaves the current item for later in the count (skipped) and opens the next. */
  skip(): Promise<void>;
  /** Empties the queue. Leaving the screen does not: the queue keeps its place. */
  stop(): void;
  /** Marks an item done when the flow re-authenticates it; returns the unsubscribe. */
  listen(): () => void;
}

export const countByStatus = (items: QueueItem[]) => ({
  done: items.filter((item) => item.status === 'done').length,
  skipped: items.filter((item) => item.status === 'skipped').length,
  left: items.filter((item) => item.status === 'left').length,
});

/**
 * Puts the item in the stepper on its own tenant: first the switch (a pending flow makes the tenants
 * store ask, the usual confirmation in the header), then the intent the Instances screen leaves — a
 * switch clears every intent of the previous tenant, so the intent comes after it.
 */
async function open(item: QueueItem): Promise<void> {
  const flow = useFlowStore.getState();
  if (flow.view.step !== 'idle') await flow.backToForm();
  useAppStore.getState().go('authenticate');
  if (useTenantsStore.getState().list?.activeTenantId !== item.tenantId) {
    await useTenantsStore.getState().use(item.tenantId);
  }
  if (useTenantsStore.getState().list?.activeTenantId !== item.tenantId) return;
  useInstancesStore.setState({
    reauthenticate: {
      tenantId: item.tenantId,
      instanceId: item.instanceId,
      name: item.name,
      elementKey: item.elementKey,
    },
  });
}

export const useReauthQueueStore = create<ReauthQueueState>()((set, get) => {
  async function openNextLeft(): Promise<void> {
    const index = get().items.findIndex((item) => item.status === 'left');
    set({ current: index >= 0 ? index : null });
    const item = get().items[index];
    if (item) await open(item);
  }

  /** Settles the current item if it is still left. */
  function mark(status: QueueItemStatus): void {
    const { current, items } = get();
    const settle = (item: QueueItem, index: number) =>
      index === current && item.status === 'left' ? { ...item, status } : item;
    set({ items: items.map(settle) });
  }

  return {
    items: [],
    current: null,
    async start(rows) {
      const items = rows.map((row) => ({
        tenantId: row.tenantId,
        tenantName: row.tenantName,
        instanceId: row.instanceId,
        name: row.instanceName,
        elementKey: row.elementKey,
        status: 'left' as const,
      }));
      set({ items, current: null });
      await openNextLeft();
    },
    next: openNextLeft,
    async skip() {
      mark('skipped');
      await openNextLeft();
    },
    stop: () => set({ items: [], current: null }),
    listen: () =>
      useFlowStore.subscribe((state, previous) => {
        const { view } = state;
        if (view === previous.view) return;
        const item = get().items[get().current ?? -1];
        if (view.step !== 'done' || !view.reauthenticated || !item || item.status !== 'left') return;
        if (view.tenantId === item.tenantId && view.instance.id === item.instanceId) mark('done');
      }),
  };
});
