// The health store: the board main keeps (every tenant's last run), the tenants picked for the next
// run, the run's progress (main pushes health.progress), Cancel, the table's filters and exports.
import { create } from 'zustand';
import type { AppError, HealthBoard, HealthOutcome, HealthProgress } from '../../common/contract';
import { bridge } from '../bridge';
import { settle } from './run-action';

export type HealthAction = 'run' | 'cancel' | 'export';
export type HealthExportFormat = 'csv' | 'json';

interface HealthState {
  board: HealthBoard | null;
  loading: boolean;
  error: AppError | null;
  /** Tenant ids for the next run; 'all' follows the tenant list. */
  picked: string[] | 'all';
  running: boolean;
  cancelling: boolean;
  progress: HealthProgress | null;
  /** Shown rows: these tenants only (none: all) and these outcomes only (none: all). */
  tenantFilter: string[];
  outcomeFilter: HealthOutcome[];
  actionError: { action: HealthAction; error: AppError } | null;
  exported: { path: string; count: number } | null;
  load(): Promise<void>;
  /** Follows main's progress events; returns the unsubscribe. */
  listen(): () => void;
  pick(picked: string[] | 'all'): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
  setTenantFilter(ids: string[]): void;
  setOutcomeFilter(outcomes: HealthOutcome[]): void;
  exportBoard(format: HealthExportFormat): Promise<void>;
  dismissExported(): void;
}

export const useHealthStore = create<HealthState>()((set, get) => ({
  board: null,
  loading: false,
  error: null,
  picked: 'all',
  running: false,
  cancelling: false,
  progress: null,
  tenantFilter: [],
  outcomeFilter: [],
  actionError: null,
  exported: null,

  async load() {
    set({ loading: true });
    const result = await settle(() => bridge().health.board());
    if (!result.ok) {
      set({ loading: false, error: result.error });
      return;
    }
    set({ board: result.value, loading: false, error: null, running: get().running || result.value.running });
  },

  listen: () => bridge().on('health.progress', (progress) => set({ progress })),

  pick: (picked) => set({ picked }),

  async run() {
    const { picked } = get();
    set({ running: true, cancelling: false, progress: null, actionError: null, exported: null });
    const result = await settle(() => bridge().health.run({ tenants: picked }));
    if (result.ok) {
      set({ board: result.value, running: false, cancelling: false });
      return;
    }
    set({ running: false, cancelling: false, actionError: { action: 'run', error: result.error } });
    await get().load();
  },

  async cancel() {
    set({ cancelling: true });
    const result = await settle(() => bridge().health.cancel());
    if (!result.ok) set({ cancelling: false, actionError: { action: 'cancel', error: result.error } });
  },

  setTenantFilter: (tenantFilter) => set({ tenantFilter }),
  setOutcomeFilter: (outcomeFilter) => set({ outcomeFilter }),

  async exportBoard(format) {
    const { tenantFilter, outcomeFilter } = get();
    set({ actionError: null, exported: null });
    const input = { format, tenantIds: tenantFilter, outcomes: outcomeFilter };
    const result = await settle(() => bridge().health.export(input));
    if (result.ok) set({ exported: result.value });
    else if (result.error.code !== 'cancelled')
      set({ actionError: { action: 'export', error: result.error } });
  },

  dismissExported: () => set({ exported: null }),
}));
