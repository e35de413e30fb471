// The settings store: the network settings main keeps (proxy, extra CA file), saving them, and the
// "Check connection" outcome, kept with the tenant it was run against (a switch makes it stale).
import { create } from 'zustand';
import type { AppError, ConnectionCheck, NetworkSettings, NetworkSettingsSave } from '../../common/contract';
import { bridge, toAppError, unwrap } from '../bridge';

interface SettingsState {
  settings: NetworkSettings | null;
  loading: boolean;
  loadError: AppError | null;
  saving: boolean;
  saveError: AppError | null;
  /** True after a save went through, until the next edit or save. */
  saved: boolean;
  checking: boolean;
  /** The last check and the tenant it ran against; shown only while that tenant is active. */
  check: { tenantId: string | null; result: ConnectionCheck } | null;
  checkError: AppError | null;
  load(): Promise<void>;
  /** True when main saved and applied the settings. */
  save(input: NetworkSettingsSave): Promise<boolean>;
  checkConnection(tenantId: string | null): Promise<void>;
  /** Forgets "saved" once the user edits again. */
  edited(): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  loading: false,
  loadError: null,
  saving: false,
  saveError: null,
  saved: false,
  checking: false,
  check: null,
  checkError: null,
  async load() {
    set({ loading: true, loadError: null });
    try {
      set({ settings: await unwrap(bridge().settings.get()), loading: false });
    } catch (error) {
      set({ loadError: toAppError(error), loading: false });
    }
  },
  async save(input) {
    set({ saving: true, saveError: null, saved: false });
    try {
      set({ settings: await unwrap(bridge().settings.save(input)), saving: false, saved: true });
      return true;
    } catch (error) {
      set({ saveError: toAppError(error), saving: false });
      return false;
    }
  },
  async checkConnection(tenantId) {
    set({ checking: true, checkError: null, check: null });
    try {
      const result = await unwrap(bridge().settings.checkConnection());
      set({ check: { tenantId, result }, checking: false });
    } catch (error) {
      set({ checkError: toAppError(error), checking: false });
    }
  },
  edited: () => set({ saved: false, saveError: null }),
}));
