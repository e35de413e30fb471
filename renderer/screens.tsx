// The screens the app frame shows. The first one (Authenticate) ships with the app; every other
// screen is its own chunk, fetched once the app has settled and is idle, or when first shown.
import { lazy } from 'react';
import { prefetchParts } from './parts';
import { loadDraftRules } from './stores/flow';

const screenChunks = {
  instances: () => import('./features/instances/instances-screen'),
  health: () => import('./features/health/health-screen'),
  tenants: () => import('./features/tenants/tenants-screen'),
  activity: () => import('./features/activity/activity-screen'),
  settings: () => import('./features/settings/settings-screen'),
};

export { StepperScreen } from './features/stepper/stepper-screen';
export const InstancesScreen = lazy(() =>
  screenChunks.instances().then((chunk) => ({ default: chunk.InstancesScreen })),
);
export const HealthScreen = lazy(() =>
  screenChunks.health().then((chunk) => ({ default: chunk.HealthScreen })),
);
export const TenantsScreen = lazy(() =>
  screenChunks.tenants().then((chunk) => ({ default: chunk.TenantsScreen })),
);
export const ActivityScreen = lazy(() =>
  screenChunks.activity().then((chunk) => ({ default: chunk.ActivityScreen })),
);
export const SettingsScreen = lazy(() =>
  screenChunks.settings().then((chunk) => ({ default: chunk.SettingsScreen })),
);

/** How long after start the prefetch waits, so it never competes with the first screen's own loading. */
const PREFETCH_AFTER_MS = 2_000;

/**
 * Fetches every other screen's chunk (and the form's rules) once the first screen is settled and the
 * app is idle: nothing waits on them later. A screen opened sooner loads its chunk there and then.
 */
export function prefetchScreens(): () => void {
  const fetchAll = () =>
    [...Object.values(screenChunks), prefetchParts, loadDraftRules].forEach((load) => void load());
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(fetchAll);
    else fetchAll();
  }, PREFETCH_AFTER_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}
