// The instances store: the active tenant's instances from main, the table's filter, sort and
// selection, the open detail, and the actions on it (test, copy, delete, export, re-authenticate).
import { create } from 'zustand';
import type {
  AppError,
  InstanceDetail,
  InstanceExportResult,
  InstanceList,
  InstanceTest,
} from '../../common/contract';
import { copiedFlash } from './copied-flash';
import { bridge, toAppError, unwrap } from '../bridge';
import { nextSort, type Sort, type SortKey } from '../models/instance-rows';
import { useAppStore } from './app';

export type InstanceAction = 'test' | 'copy-token' | 'copy-create-body' | 'delete' | 'export';
export type ExportScope = 'selected' | 'all';

/** Left for the Authenticate screen: re-authenticate this instance instead of creating one. */
export interface ReauthenticateIntent {
  tenantId: string;
  instanceId: number;
  name: string;
  elementKey: string;
}

interface InstancesState {
  list: InstanceList | null;
  loading: boolean;
  error: AppError | null;
  filter: string;
  sort: Sort;
  selected: ReadonlySet<number>;
  openId: number | null;
  detail: InstanceDetail | null;
  detailLoading: boolean;
  detailError: AppError | null;
  busy: InstanceAction | null;
  /** A call main refused, shown next to what the user did. */
  actionError: { action: InstanceAction; error: AppError } | null;
  testOutcome: InstanceTest | null;
  copied: 'token' | 'create-body' | null;
  exported: InstanceExportResult | null;
  reauthenticate: ReauthenticateIntent | null;
  load(): Promise<void>;
  /** Reloads when the active tenant changes or a flow creates an instance; returns the unsubscribe. */
  listen(): () => void;
  setFilter(filter: string): void;
  sortBy(key: SortKey): void;
  toggleSelected(id: number): void;
  setSelected(ids: number[]): void;
  open(id: number): Promise<void>;
  close(): void;
  test(): Promise<void>;
  copyToken(): Promise<void>;
  copyCreateBody(): Promise<void>;
  /** Deletes the open instance once the typed name matches; true when it is gone. */
  remove(confirmName: string): Promise<boolean>;
  /** Main asks where to save and writes the file; the result, or null when cancelled or refused. */
  exportInstances(scope: ExportScope, includeSecrets: boolean): Promise<InstanceExportResult | null>;
  clearActionError(): void;
  dismissExported(): void;
  /** Leaves the intent for the stepper and opens the Authenticate screen. */
  startReauthenticate(): void;
  clearReauthenticate(): void;
}

let loadTicket = 0;

export const useInstancesStore = create<InstancesState>()((set, get) => {
  const tenantId = () => get().list?.tenantId;
  const openRef = () => {
    const id = get().openId;
    if (id === null) throw new Error('No instance is open.');
    return { id, tenantId: tenantId() };
  };
  /** Runs one action on the open instance: busy → bridge → value or the envelope's error. */
  async function act<T>(action: InstanceAction, run: () => Promise<T>): Promise<T | null> {
    set({ busy: action, actionError: null });
    try {
      const value = await run();
      set({ busy: null });
      return value;
    } catch (error) {
      set({ busy: null, actionError: { action, error: toAppError(error) } });
      return null;
    }
  }
  const markCopied = copiedFlash<'token' | 'create-body'>((copied) => set({ copied }));

  return {
    list: null,
    loading: false,
    error: null,
    filter: '',
    sort: { key: 'name', direction: 'asc' },
    selected: new Set<number>(),
    openId: null,
    detail: null,
    detailLoading: false,
    detailError: null,
    busy: null,
    actionError: null,
    testOutcome: null,
    copied: null,
    exported: null,
    reauthenticate: null,

    async load() {
      const ticket = ++loadTicket;
      set({ loading: true });
      try {
        const list = await unwrap(bridge().instances.list());
        if (ticket !== loadTicket) return;
        const sameTenant = list.tenantId === tenantId();
        const present = new Set(list.instances.map((instance) => instance.id));
        const selected = sameTenant
          ? new Set([...get().selected].filter((id) => present.has(id)))
          : new Set<number>();
        set({ list, loading: false, error: null, selected });
        if (!sameTenant || (get().openId !== null && !present.has(get().openId as number))) get().close();
      } catch (error) {
        if (ticket !== loadTicket) return;
        set({ loading: false, error: toAppError(error), list: null, selected: new Set() });
        get().close();
      }
    },

    listen() {
      const offTenants = bridge().on('tenants.changed', (tenants) => {
        if (tenants.activeTenantId !== (tenantId() ?? null)) void get().load();
      });
      const offFlow = bridge().on('flow.changed', (view) => {
        if (view.step === 'done' && view.tenantId === tenantId()) void get().load();
      });
      return () => {
        offTenants();
        offFlow();
      };
    },

    setFilter: (filter) => set({ filter }),
    sortBy: (key) => set({ sort: nextSort(get().sort, key) }),
    toggleSelected(id) {
      const selected = new Set(get().selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      set({ selected });
    },
    setSelected: (ids) => set({ selected: new Set(ids) }),

    async open(id) {
      set({
        openId: id,
        detail: null,
        detailLoading: true,
        detailError: null,
        testOutcome: null,
        actionError: null,
        copied: null,
      });
      try {
        const detail = await unwrap(bridge().instances.get({ id, tenantId: tenantId() }));
        if (get().openId === id) set({ detail, detailLoading: false });
      } catch (error) {
        if (get().openId === id) set({ detailLoading: false, detailError: toAppError(error) });
      }
    },
    close: () =>
      set({
        openId: null,
        detail: null,
        detailLoading: false,
        detailError: null,
        testOutcome: null,
        actionError: null,
      }),

    async test() {
      set({ testOutcome: null });
      const outcome = await act('test', () => unwrap(bridge().instances.test(openRef())));
      if (outcome) set({ testOutcome: outcome });
    },
    async copyToken() {
      await act('copy-token', () => unwrap(bridge().instances.copyToken(openRef())));
      if (!get().actionError) markCopied('token');
    },
    async copyCreateBody() {
      await act('copy-create-body', () => unwrap(bridge().instances.copyCreateBody(openRef())));
      if (!get().actionError) markCopied('create-body');
    },

    async remove(confirmName) {
      const ref = openRef();
      const deleted = await act('delete', () => unwrap(bridge().instances.delete({ ...ref, confirmName })));
      if (!deleted) return false;
      const list = get().list;
      const selected = new Set(get().selected);
      selected.delete(deleted.id);
      set({
        list: list && { ...list, instances: list.instances.filter((instance) => instance.id !== deleted.id) },
        selected,
      });
      get().close();
      return true;
    },

    async exportInstances(scope, includeSecrets) {
      set({ exported: null });
      const ids = scope === 'all' ? ('all' as const) : [...get().selected];
      const result = await act('export', () =>
        unwrap(bridge().instances.export({ ids, includeSecrets, tenantId: tenantId() })),
      );
      if (get().actionError?.error.code === 'cancelled') set({ actionError: null });
      if (result) set({ exported: result });
      return result;
    },
    clearActionError: () => set({ actionError: null }),
    dismissExported: () => set({ exported: null }),

    startReauthenticate() {
      const { detail, list } = get();
      if (!detail || !list) return;
      const element = detail.instance.element as { key?: unknown } | undefined;
      set({
        reauthenticate: {
          tenantId: list.tenantId,
          instanceId: detail.instance.id as number,
          name: String(detail.instance.name ?? ''),
          elementKey: typeof element?.key === 'string' ? element.key : '',
        },
      });
      get().close();
      useAppStore.getState().go('authenticate');
    },
    clearReauthenticate: () => set({ reauthenticate: null }),
  };
});
