// The announcer store: the last sentence for the app's one polite live region. Each call is a new
// announcement (a counter keys it), so the same sentence said twice is heard twice.
import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  /** Bumped on every announcement; the live region re-renders its text under this key. */
  count: number;
  announce(message: string): void;
}

export const useAnnouncerStore = create<AnnouncerState>()((set) => ({
  message: '',
  count: 0,
  announce: (message) => set((state) => ({ message, count: state.count + 1 })),
}));

/** Says a sentence politely to screen readers (what changed, never a secret). */
export function announce(message: string): void {
  useAnnouncerStore.getState().announce(message);
}
