// The instances store: the active tenant's instances from main, the table's filter and selection,
// the open detail, notices and the actions on it; all of it starts over when the tenant changes.
import { create } from 'zustand';
import type {
  AppError,
  InstanceDetail,
  InstanceExportResult,
  InstanceList,
  InstanceTest,
  Result,
} from '../../common/contract';
import { copiedFlash } from './copied-flash';
import { bridge } from '../bridge';
import { nextSort, type Sort, type SortKey } from '../models/instance-rows';
import { useAppStore } from './app';
import { useFlowStore } from './flow';
import type { ImportTarget } from '../models/flow-draft';
import { DROPPED, runAction, settle, type ActionHost } from './run-action';
import { activeTenantId, onTenantSwitch } from './tenant-switch';

export type InstanceAction = 'test' | 'copy-token' | 'copy-create-body' | 'delete' | 'export';
export type ExportScope = 'selected' | 'all';

/** Left for the Authenticate screen: re-authenticate this instance instead of creating one. */
export interface ReauthenticateIntent {
  tenantId: string;
  instanceId: number;
  name: string;
  elementKey: string;
}

/** Left for the Authenticate screen by the sign-in queue: create this instance of an import. */
export type ImportIntent = ImportTarget & { tenantId: string };

/** What was deleted, and from which tenant, for the notice after a deletion. */
export interface DeletedInstance {
  id: number;
  name: string;
  tenantName: string;
}

/** Everything that belongs to one tenant: reset as one when the tenant changes. */
interface TenantScoped {
  list: InstanceList | null;
  loading: boolean;
  error: AppError | null;
  filter: string;
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
  /** The export dialog, open for the selection or for all. */
  exportDialog: ExportScope | null;
  deleted: DeletedInstance | null;
  reauthenticate: ReauthenticateIntent | null;
  importing: ImportIntent | null;
}

interface InstancesState extends TenantScoped {
  /** The tenant all of the state above belongs to (the active one). */
  tenantId: string | null;
  sort: Sort;
  load(): Promise<void>;
  /** Reloads after a tenant switch or when a flow creates an instance; returns the unsubscribe. */
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
  openExport(scope: ExportScope | null): void;
  /** Main asks where to save and writes the file; the result, or null when cancelled or refused. */
  exportInstances(scope: ExportScope, includeSecrets: boolean): Promise<InstanceExportResult | null>;
  clearActionError(): void;
  dismissExported(): void;
  dismissDeleted(): void;
  /** Leaves the intent for the stepper, makes sure it shows a fresh form, and opens it. */
  startReauthenticate(): void;
  clearReauthenticate(): void;
}

const closed = {
  openId: null,
  detail: null,
  detailLoading: false,
  detailError: null,
  testOutcome: null,
  actionError: null,
} satisfies Partial<TenantScoped>;

const tenantScoped = (): TenantScoped => ({
  ...closed,
  list: null,
  loading: false,
  error: null,
  filter: '',
  selected: new Set<number>(),
  busy: null,
  copied: null,
  exported: null,
  exportDialog: null,
  deleted: null,
  reauthenticate: null,
  importing: null,
});

let loadTicket = 0;
let watchers = 0;

export const useInstancesStore = create<InstancesState>()((set, get) => {
  const scope = () => get().tenantId;
  /** The tenant every call names: the one whose list is shown (the active one before it arrives). */
  const shownTenant = () => get().list?.tenantId ?? scope() ?? undefined;
  const openRef = () => {
    const id = get().openId;
    if (id === null) throw new Error('No instance is open.');
    return { id, tenantId: shownTenant() };
  };
  /** Actions on the open instance: an answer is dropped once the tenant or the open instance changed. */
  const host: ActionHost<InstanceAction> = {
    begin: (action) => set({ busy: action, actionError: null }),
    end: (action, error) => set({ busy: null, actionError: error && { action, error } }),
    scope: () => `${scope()} ${get().openId}`,
  };
  const act = <T>(action: InstanceAction, call: () => Promise<Result<T>>) => runAction(host, action, call);
  const markCopied = copiedFlash<'token' | 'create-body'>((copied) => set({ copied }));

  onTenantSwitch((next, previous) => {
    const list = get().list;
    if (previous === undefined && (list === null || list.tenantId === next)) {
      set({ tenantId: next });
      return;
    }
    loadTicket += 1;
    set({ ...tenantScoped(), tenantId: next });
    if (watchers > 0 && next !== null) void get().load();
  });

  return {
    ...tenantScoped(),
    tenantId: activeTenantId(),
    sort: { key: 'name', direction: 'asc' },

    async load() {
      const ticket = ++loadTicket;
      const tenantId = scope();
      set({ loading: true, error: null });
      const result = await settle(() => bridge().instances.list(tenantId ? { tenantId } : undefined));
      if (ticket !== loadTicket || scope() !== tenantId) return;
      if (!result.ok) {
        set({ ...closed, list: null, selected: new Set<number>(), loading: false, error: result.error });
        return;
      }
      const list = result.value;
      const present = new Set(list.instances.map((instance) => instance.id));
      const selected = new Set([...get().selected].filter((id) => present.has(id)));
      set({ list, loading: false, error: null, selected });
      const openId = get().openId;
      if (openId !== null && !present.has(openId)) get().close();
    },

    listen() {
      watchers += 1;
      const offFlow = bridge().on('flow.changed', (view) => {
        if (view.step === 'done' && view.tenantId === scope()) void get().load();
      });
      return () => {
        watchers -= 1;
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
      const tenantId = scope();
      set({ ...closed, openId: id, detailLoading: true, copied: null });
      const result = await settle(() => bridge().instances.get({ id, tenantId: shownTenant() }));
      if (get().openId !== id || scope() !== tenantId) return;
      set(
        result.ok
          ? { detail: result.value, detailLoading: false }
          : { detailLoading: false, detailError: result.error },
      );
    },
    close: () => set(closed),

    async test() {
      set({ testOutcome: null });
      const outcome = await act('test', () => bridge().instances.test(openRef()));
      if (outcome.ok) set({ testOutcome: outcome.value });
    },
    async copyToken() {
      if ((await act('copy-token', () => bridge().instances.copyToken(openRef()))).ok) markCopied('token');
    },
    async copyCreateBody() {
      const done = await act('copy-create-body', () => bridge().instances.copyCreateBody(openRef()));
      if (done.ok) markCopied('create-body');
    },

    async remove(confirmName) {
      const ref = openRef();
      const tenantName = get().list?.tenantName ?? '';
      const deleted = await act('delete', () => bridge().instances.delete({ ...ref, confirmName }));
      if (!deleted.ok) return false;
      const { id, name } = deleted.value;
      const list = get().list;
      const selected = new Set(get().selected);
      selected.delete(id);
      set({
        list: list && { ...list, instances: list.instances.filter((instance) => instance.id !== id) },
        selected,
        deleted: { id, name, tenantName },
      });
      get().close();
      return true;
    },

    openExport: (exportDialog) => set({ exportDialog, ...(exportDialog ? {} : { actionError: null }) }),

    async exportInstances(scope, includeSecrets) {
      set({ exported: null });
      const ids = scope === 'all' ? ('all' as const) : [...get().selected];
      const tenantId = shownTenant();
      const result = await act('export', () => bridge().instances.export({ ids, includeSecrets, tenantId }));
      if (!result.ok) {
        if (result.error !== DROPPED && result.error.code === 'cancelled') set({ actionError: null });
        return null;
      }
      set({ exported: result.value, exportDialog: null });
      return result.value;
    },
    clearActionError: () => set({ actionError: null }),
    dismissExported: () => set({ exported: null }),
    dismissDeleted: () => set({ deleted: null }),

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
      void useFlowStore.getState().freshForm();
      useAppStore.getState().go('authenticate');
    },
    clearReauthenticate: () => set({ reauthenticate: null }),
  };
});
