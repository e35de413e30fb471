// The screens the app frame shows. The first one (Authenticate) ships with the app; every other
// screen is its own chunk, fetched while the app is idle after it started, or when first shown.
import { lazy } from 'react';
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

/** Fetches every other screen's chunk (and the form's rules) once the app is idle: nothing waits on them later. */
export function prefetchScreens(): () => void {
  const fetchAll = () => [...Object.values(screenChunks), loadDraftRules].forEach((load) => void load());
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(fetchAll, 0);
    return () => window.clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(fetchAll);
  return () => window.cancelIdleCallback(handle);
}
