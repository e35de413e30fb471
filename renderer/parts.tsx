// Code fetched when first needed (lazyPart): the later screens (screens.tsx) and the parts of the frame
// and of the first screen that they show without: the stepper (once there is a tenant to act on), the
// tenant menu (once opened) and the dialogs (once asked). Each is its own chunk, fetched when first
// needed, or ahead once the app is idle (screens.tsx): the first screen ships without them.
//
// Not React.lazy: a Suspense boundary that showed its fallback reveals its content no sooner than
// 300 ms later (React's throttle), and a lazy component suspends on its first render even when its
// chunk is already there. A part renders its `fallback` only while its chunk is on its way, then
// itself; once fetched, at once.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

interface Fetched<T> {
  promise: Promise<T>;
  value?: T;
}
const fetched = new Map<() => Promise<unknown>, Fetched<unknown>>();

/** Starts fetching a chunk once (a failed fetch is tried again by the next part that needs it). */
function fetchOnce<T>(load: () => Promise<T>): Fetched<T> {
  let entry = fetched.get(load) as Fetched<T> | undefined;
  if (!entry) {
    const started: Fetched<T> = {
      promise: load().then(
        (value) => (started.value = value),
        (error: unknown) => {
          fetched.delete(load);
          throw error;
        },
      ),
    };
    fetched.set(load, started);
    entry = started;
  }
  return entry;
}

type PartProps<P> = P & { fallback?: ReactNode };

/** A component from a chunk: its `fallback` (default: nothing) until the chunk is there. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return function Part({ fallback = null, ...props }: PartProps<P>) {
    const [Loaded, setLoaded] = useState(() => fetched.get(load)?.value as ComponentType<P> | undefined);
    useEffect(() => {
      if (Loaded) return;
      let mounted = true;
      fetchOnce(load).promise.then(
        (component) => mounted && setLoaded(() => component),
        () => {},
      );
      return () => {
        mounted = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...(props as P)} /> : fallback;
  };
}

const partChunks = {
  flowStepper: () => import('./features/stepper/flow-stepper').then((chunk) => chunk.FlowStepper),
  tenantMenu: () => import('./features/tenants/tenant-menu').then((chunk) => chunk.TenantMenu),
  flowQuestion: () =>
    import('./features/tenants/flow-question-modal').then((chunk) => chunk.FlowQuestionModal),
  queueReport: () => import('./features/shell/sign-in-queue-report').then((chunk) => chunk.SignInQueueReport),
};

export const FlowStepper = lazyPart(partChunks.flowStepper);
export const TenantMenu = lazyPart(partChunks.tenantMenu);
export const FlowQuestionModal = lazyPart(partChunks.flowQuestion);
export const SignInQueueReport = lazyPart(partChunks.queueReport);

/** Fetches chunks ahead (the app is idle), so that what needs them later renders at once. */
export const prefetch = (loads: (() => Promise<unknown>)[]) =>
  loads.forEach((load) => void fetchOnce(load).promise.catch(() => {}));

/** Fetches every part's chunk: opening the menu or a dialog later waits on nothing. */
export const prefetchParts = () => prefetch(Object.values(partChunks));
