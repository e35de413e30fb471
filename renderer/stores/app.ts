// The app store: what main says the app is (app.info), the current screen, and the notices above it
// (main's, and the renderer's own, e.g. a refused tenant switch).
import { create } from 'zustand';
import type { AppError, EventPayload } from '../../common/contract';
import { bridge } from '../bridge';
import { settle } from './run-action';

export type Screen = 'authenticate' | 'instances' | 'health' | 'tenants' | 'activity' | 'settings';
type AppInfo = { name: string; version: string; platform: string };
type Notice = EventPayload<'app.notice'> & {
  /** Shown until the active tenant changes (why a switch was refused), then dropped. */
  untilSwitch?: boolean;
};

interface AppState {
  info: AppInfo | null;
  infoError: AppError | null;
  screen: Screen;
  notices: Notice[];
  loadInfo(): Promise<void>;
  go(screen: Screen): void;
  /** Shows a notice above the screen until it is dismissed (or, `untilSwitch`, the tenant changes). */
  notify(notice: Notice): void;
  dismissNotice(index: number): void;
  /** Drops the notices that only held until the active tenant changed. */
  dropSwitchNotices(): void;
  /** Subscribes to main's notices; returns the unsubscribe function. */
  listen(): () => void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: null,
  infoError: null,
  screen: 'authenticate',
  notices: [],
  async loadInfo() {
    const result = await settle(() => bridge().app.info());
    set(result.ok ? { info: result.value, infoError: null } : { infoError: result.error });
  },
  go: (screen) => set({ screen }),
  notify: (notice) => set((state) => ({ notices: [...state.notices, notice] })),
  dismissNotice: (index) => set((state) => ({ notices: state.notices.filter((_, i) => i !== index) })),
  dropSwitchNotices: () =>
    set((state) =>
      state.notices.some((notice) => notice.untilSwitch)
        ? { notices: state.notices.filter((notice) => !notice.untilSwitch) }
        : state,
    ),
  listen: () => bridge().on('app.notice', (notice) => get().notify(notice)),
}));
