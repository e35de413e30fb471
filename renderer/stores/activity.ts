// The activity store: the active tenant's activity log from main (newest first, with its chain
// state), the view's filters, and the CSV export. An answer for a tenant no longer shown is dropped.
import { create } from 'zustand';
import type { ActivityAction, ActivityList, AppError } from '../../common/contract';
import { bridge } from '../bridge';
import { settle } from './run-action';

export interface ActivityFilters {
  action: ActivityAction | null;
  instanceId: number | null;
}

const NO_FILTERS: ActivityFilters = { action: null, instanceId: null };

interface ActivityState {
  /** The tenant whose log is shown (or being loaded). */
  tenantId: string | null;
  list: ActivityList | null;
  loading: boolean;
  error: AppError | null;
  filters: ActivityFilters;
  exporting: boolean;
  exported: { path: string; count: number } | null;
  exportError: AppError | null;
  /** Loads the log of the tenant; another tenant's filters and results are cleared first. */
  load(tenantId: string): Promise<void>;
  setFilters(filters: Partial<ActivityFilters>): void;
  /** Main asks where to save and writes the filtered entries as CSV. */
  exportCsv(): Promise<void>;
  dismissExport(): void;
}

export const useActivityStore = create<ActivityState>()((set, get) => ({
  tenantId: null,
  list: null,
  loading: false,
  error: null,
  filters: NO_FILTERS,
  exporting: false,
  exported: null,
  exportError: null,

  async load(tenantId) {
    if (tenantId !== get().tenantId) {
      set({ tenantId, list: null, filters: NO_FILTERS, exported: null, exportError: null });
    }
    set({ loading: true, error: null });
    const result = await settle(() => bridge().activity.list({ tenantId }));
    if (get().tenantId !== tenantId) return;
    set(result.ok ? { list: result.value, loading: false } : { loading: false, error: result.error });
  },

  setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),

  async exportCsv() {
    const { tenantId, filters } = get();
    if (!tenantId) return;
    set({ exporting: true, exported: null, exportError: null });
    const result = await settle(() =>
      bridge().activity.export({
        tenantId,
        ...(filters.action ? { action: filters.action } : {}),
        ...(filters.instanceId !== null ? { instanceId: filters.instanceId } : {}),
      }),
    );
    if (get().tenantId !== tenantId) return;
    if (result.ok) set({ exporting: false, exported: result.value });
    else set({ exporting: false, exportError: result.error.code === 'cancelled' ? null : result.error });
  },
  dismissExport: () => set({ exported: null, exportError: null }),
}));
