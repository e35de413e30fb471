// The settings store: the network settings main keeps (proxy, extra CA file), saving them, and the
// "Check connection" outcome, kept with the tenant it was run against (a switch makes it stale).
import { create } from 'zustand';
import type { AppError, ConnectionCheck, NetworkSettings, NetworkSettingsSave } from '../../common/contract';
import { bridge } from '../bridge';
import { settle } from './run-action';

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
    const result = await settle(() => bridge().settings.get());
    set(result.ok ? { settings: result.value, loading: false } : { loadError: result.error, loading: false });
  },
  async save(input) {
    set({ saving: true, saveError: null, saved: false });
    const result = await settle(() => bridge().settings.save(input));
    set(
      result.ok
        ? { settings: result.value, saving: false, saved: true }
        : { saveError: result.error, saving: false },
    );
    return result.ok;
  },
  async checkConnection(tenantId) {
    set({ checking: true, checkError: null, check: null });
    const result = await settle(() => bridge().settings.checkConnection());
    set(
      result.ok
        ? { check: { tenantId, result: result.value }, checking: false }
        : { checkError: result.error, checking: false },
    );
  },
  edited: () => set({ saved: false, saveError: null }),
}));
