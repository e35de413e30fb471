// The health store: the board main keeps (every tenant's last run), the tenants picked for the next
// run, the run's progress (main pushes health.progress), Cancel, the table's filters and exports.
import { create } from 'zustand';
import type { AppError, HealthBoard, HealthOutcome, HealthProgress } from '../../common/contract';
import { bridge, toAppError, unwrap } from '../bridge';

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
    try {
      const board = await unwrap(bridge().health.board());
      set({ board, loading: false, error: null, running: get().running || board.running });
    } catch (error) {
      set({ loading: false, error: toAppError(error) });
    }
  },

  listen: () => bridge().on('health.progress', (progress) => set({ progress })),

  pick: (picked) => set({ picked }),

  async run() {
    const { picked } = get();
    set({ running: true, cancelling: false, progress: null, actionError: null, exported: null });
    try {
      const board = await unwrap(bridge().health.run({ tenants: picked }));
      set({ board, running: false, cancelling: false });
    } catch (error) {
      set({ running: false, cancelling: false, actionError: { action: 'run', error: toAppError(error) } });
      await get().load();
    }
  },

  async cancel() {
    set({ cancelling: true });
    try {
      await unwrap(bridge().health.cancel());
    } catch (error) {
      set({ cancelling: false, actionError: { action: 'cancel', error: toAppError(error) } });
    }
  },

  setTenantFilter: (tenantFilter) => set({ tenantFilter }),
  setOutcomeFilter: (outcomeFilter) => set({ outcomeFilter }),

  async exportBoard(format) {
    const { tenantFilter, outcomeFilter } = get();
    set({ actionError: null, exported: null });
    try {
      const input = { format, tenantIds: tenantFilter, outcomes: outcomeFilter };
      set({ exported: await unwrap(bridge().health.export(input)) });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code !== 'cancelled') set({ actionError: { action: 'export', error: appError } });
    }
  },

  dismissExported: () => set({ exported: null }),
}));
