// The one sign-in queue: the health board's "Re-authenticate these" and an import's instances, opened
// one after another in the stepper, each on its own tenant. It is kept in main's data folder after every
// change, so it survives closing the app; it only calls the other stores' actions and reads the flow.
import { create } from 'zustand';
import type { FlowView, ImportPlanView, QueueItem, QueueStatus, SignInQueue } from '../../common/contract';
import type { HealthRow } from '../../common/health-rows';
import { withoutRemovedTenants } from '../../common/sign-in-queue';
import { bridge } from '../bridge';
import { useAppStore } from './app';
import { useFlowStore } from './flow';
import { useInstancesStore } from './instances';
import { settle } from './run-action';
import { useTenantsStore } from './tenants';

export type { QueueItem, QueueStatus } from '../../common/contract';

interface SignInQueueState extends SignInQueue {
  /** Reads the queue the app left (once, at start). */
  load(): Promise<void>;
  /** Queues these instances to re-authenticate (replacing any earlier queue) and opens the first. */
  start(rows: HealthRow[]): Promise<void>;
  /**
   * Queues an import plan: each instance to create, with the target's saved OAuth app chosen for its
   * element (null: typed in the stepper); the plan's skipped instances are in the count as skipped.
   */
  startImport(plan: ImportPlanView, oauthApps: Record<string, string | null>): Promise<void>;
  /** Opens the next item still left; the queue ends when none is. */
  next(): Promise<void>;
  /** Leaves the current item for later in the count (skipped) and opens the next. */
  skip(): Promise<void>;
  /** Empties the queue. Leaving the screen does not: the queue keeps its place. */
  stop(): void;
  /** Settles items from what the flow shows (created, re-authenticated, failed); returns the unsubscribe. */
  listen(): () => void;
}

export const countByStatus = (items: readonly QueueItem[]): Record<QueueStatus, number> => ({
  done: items.filter((item) => item.status === 'done').length,
  skipped: items.filter((item) => item.status === 'skipped').length,
  failed: items.filter((item) => item.status === 'failed').length,
  left: items.filter((item) => item.status === 'left').length,
});

/** The name the item has on its tenant (an import's target name). */
export const itemName = (item: QueueItem) => (item.kind === 'reauth' ? item.name : item.item.targetName);

/**
 * Puts the item in the stepper on its own tenant: first the switch (a pending flow makes the tenants
 * store ask, the usual confirmation in the header), then the intent — a switch clears every intent
 * of the previous tenant, so the intent comes after it.
 */
async function open(item: QueueItem): Promise<void> {
  const flow = useFlowStore.getState();
  if (flow.view.step !== 'idle') await flow.backToForm();
  useAppStore.getState().go('authenticate');
  if (useTenantsStore.getState().list?.activeTenantId !== item.tenantId) {
    await useTenantsStore.getState().use(item.tenantId);
  }
  const tenants = useTenantsStore.getState().list;
  if (tenants?.activeTenantId !== item.tenantId) return;
  if (item.kind === 'reauth') {
    const { instanceId, name, elementKey } = item;
    useInstancesStore.setState({ reauthenticate: { tenantId: item.tenantId, instanceId, name, elementKey } });
    return;
  }
  const { item: planned } = item;
  useInstancesStore.setState({
    importing: {
      kind: 'import',
      tenantId: item.tenantId,
      name: planned.targetName,
      elementKey: planned.elementKey,
      tags: planned.tags,
      carried: { ...planned.configuration, ...planned.events },
      sourceTenant: item.sourceTenant,
      sourceName: planned.sourceName,
    },
  });
  const app = tenants.oauthApps.find((candidate) => candidate.id === item.oauthAppId);
  useFlowStore.getState().chooseOAuthApp(app ?? null);
}

/** How the flow ended for the item it shows, or null when the view is not about this item's end. */
function settled(view: FlowView, item: QueueItem): Pick<QueueItem, 'status' | 'outcome'> | null {
  if (view.step === 'idle' || view.tenantId !== item.tenantId || view.instanceName !== itemName(item))
    return null;
  if (view.step === 'done' && view.reauthenticated === (item.kind === 'reauth')) {
    if (item.kind === 'reauth' && view.instance.id !== item.instanceId) return null;
    return { status: 'done', outcome: { instanceId: view.instance.id } };
  }
  if (item.kind !== 'import') return null;
  if (view.step === 'failed') {
    const requestId = view.error.details?.requestId;
    return {
      status: 'failed',
      outcome: { message: view.error.message, ...(requestId ? { requestId } : {}) },
    };
  }
  if (view.step === 'lost-response') {
    const message =
      'The platform did not answer the creation request: look in the instances list before trying again.';
    return { status: 'failed', outcome: { message } };
  }
  return null;
}

export const useSignInQueueStore = create<SignInQueueState>()((set, get) => {
  /** Every change is written to main's data folder; a failed write only costs resuming after a restart. */
  const save = (queue: SignInQueue) => {
    set(queue);
    void settle(() => bridge().queue.save({ items: queue.items, current: queue.current }));
  };

  /**
   * An import item whose name and element are on the target already (created before the app closed,
   * or by someone else meanwhile) is skipped rather than created twice; true when it was.
   */
  async function alreadyThere(index: number, item: QueueItem): Promise<boolean> {
    if (item.kind !== 'import') return false;
    const listed = await settle(() => bridge().instances.list({ tenantId: item.tenantId }));
    const { targetName, elementKey } = item.item;
    const there = listed.ok
      ? listed.value.instances.find((one) => one.name === targetName && one.elementKey === elementKey)
      : undefined;
    if (!there) return false;
    const message = `Instance ${there.id} “${targetName}” (${elementKey}) already exists on ${item.tenantName}.`;
    const items = get().items.map((other, at) =>
      at === index && other.status === 'left'
        ? { ...other, status: 'skipped' as const, outcome: { message } }
        : other,
    );
    save({ items, current: get().current });
    return true;
  }

  async function openNextLeft(): Promise<void> {
    for (;;) {
      const index = get().items.findIndex((item) => item.status === 'left');
      save({ items: get().items, current: index >= 0 ? index : null });
      const item = get().items[index];
      if (!item) return;
      if (!(await alreadyThere(index, item))) {
        await open(item);
        return;
      }
    }
  }

  /** Settles the current item if it is still left. */
  function mark(change: Pick<QueueItem, 'status' | 'outcome'>): void {
    const { current, items } = get();
    const settle = (item: QueueItem, index: number): QueueItem =>
      index === current && item.status === 'left' ? { ...item, ...change } : item;
    save({ items: items.map(settle), current });
  }

  return {
    items: [],
    current: null,
    async load() {
      const saved = await settle(() => bridge().queue.get());
      if (saved.ok && get().items.length === 0) set(saved.value);
    },
    async start(rows) {
      const items = rows.map((row): QueueItem => ({
        kind: 'reauth',
        tenantId: row.tenantId,
        tenantName: row.tenantName,
        instanceId: row.instanceId,
        name: row.instanceName,
        elementKey: row.elementKey,
        status: 'left',
      }));
      save({ items, current: null });
      await openNextLeft();
    },
    async startImport(plan, oauthApps) {
      const items = plan.items.map((planned): QueueItem => ({
        kind: 'import',
        tenantId: plan.targetTenantId,
        tenantName: plan.targetTenantName,
        item: planned,
        oauthAppId: oauthApps[planned.elementKey] ?? null,
        sourceTenant: plan.sourceTenant,
        status: planned.action === 'create' ? 'left' : 'skipped',
        ...(planned.skipReason ? { outcome: { message: planned.skipReason } } : {}),
      }));
      save({ items, current: null });
      await openNextLeft();
    },
    next: openNextLeft,
    async skip() {
      const item = get().items[get().current ?? -1];
      const message =
        item?.kind === 'reauth'
          ? 'Skipped in the queue: it was not re-authenticated.'
          : 'Skipped in the queue: nothing was created.';
      mark({ status: 'skipped', outcome: { message } });
      await openNextLeft();
    },
    stop: () => save({ items: [], current: null }),
    listen() {
      const flow = useFlowStore.subscribe((state, previous) => {
        if (state.view === previous.view) return;
        const item = get().items[get().current ?? -1];
        if (!item || item.status !== 'left') return;
        const change = settled(state.view, item);
        if (change) mark(change);
      });
      // A tenant removed while the queue runs takes its items with it.
      const tenants = useTenantsStore.subscribe(({ list }) => {
        if (!list) return;
        const { items, current } = get();
        const kept = withoutRemovedTenants(
          { items, current },
          new Set(list.tenants.map((tenant) => tenant.id)),
        );
        if (kept.items !== items) save(kept);
      });
      return () => {
        flow();
        tenants();
      };
    },
  };
});
