// The app store: what main says the app is (app.info), the current screen, and notices main pushes.
import { create } from 'zustand';
import type { AppError, EventPayload } from '../../common/contract';
import { bridge } from '../bridge';
import { settle } from './run-action';

export type Screen = 'authenticate' | 'instances' | 'health' | 'tenants' | 'activity' | 'settings';
type AppInfo = { name: string; version: string; platform: string };
type Notice = EventPayload<'app.notice'>;

interface AppState {
  info: AppInfo | null;
  infoError: AppError | null;
  screen: Screen;
  notices: Notice[];
  loadInfo(): Promise<void>;
  go(screen: Screen): void;
  dismissNotice(index: number): void;
  /** Subscribes to main's notices; returns the unsubscribe function. */
  listen(): () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  infoError: null,
  screen: 'authenticate',
  notices: [],
  async loadInfo() {
    const result = await settle(() => bridge().app.info());
    set(result.ok ? { info: result.value, infoError: null } : { infoError: result.error });
  },
  go: (screen) => set({ screen }),
  dismissNotice: (index) => set((state) => ({ notices: state.notices.filter((_, i) => i !== index) })),
  listen: () =>
    bridge().on('app.notice', (notice) => set((state) => ({ notices: [...state.notices, notice] }))),
}));
