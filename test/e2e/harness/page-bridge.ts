// Runs inside the page before the app: builds window.elementAuth with the real createApi over a
// Playwright binding (invoke) and a push function (events) — the e2e stand-in for the preload.
import { createApi } from '../../../common/api';

type Listener = (payload: unknown) => void;
interface HarnessWindow {
  __elementAuthInvoke(channel: string, input: unknown): Promise<unknown>;
  __elementAuthPush(event: string, payload: unknown): void;
}

const harness = window as unknown as Window & HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

harness.__elementAuthPush = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

harness.elementAuth = createApi({
  invoke: (channel, input) => harness.__elementAuthInvoke(channel, input),
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});
