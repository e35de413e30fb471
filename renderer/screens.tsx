// The screens the app frame shows. The first one (Authenticate) ships with the app; every other
// screen is its own chunk (parts.tsx), fetched once the app has settled and is idle, or when first shown.
import type { ComponentType } from 'react';
import { ScreenFallback } from './features/shell/screen-fallback';
import { lazyPart, prefetch, prefetchParts } from './parts';
import { loadDraftRules } from './stores/flow';

const screenChunks = {
  instances: () => import('./features/instances/instances-screen').then((chunk) => chunk.InstancesScreen),
  health: () => import('./features/health/health-screen').then((chunk) => chunk.HealthScreen),
  tenants: () => import('./features/tenants/tenants-screen').then((chunk) => chunk.TenantsScreen),
  activity: () => import('./features/activity/activity-screen').then((chunk) => chunk.ActivityScreen),
  settings: () => import('./features/settings/settings-screen').then((chunk) => chunk.SettingsScreen),
};

export { StepperScreen } from './features/stepper/stepper-screen';

/** A later screen: the quiet fallback (screen-fallback.tsx) while its chunk is on its way. */
function lazyScreen(load: () => Promise<ComponentType>) {
  const Screen = lazyPart(load);
  return function LazyScreen() {
    return <Screen fallback={<ScreenFallback />} />;
  };
}

export const InstancesScreen = lazyScreen(screenChunks.instances);
export const HealthScreen = lazyScreen(screenChunks.health);
export const TenantsScreen = lazyScreen(screenChunks.tenants);
export const ActivityScreen = lazyScreen(screenChunks.activity);
export const SettingsScreen = lazyScreen(screenChunks.settings);

/** How long after start the prefetch waits, so it never competes with the first screen's own loading. */
const PREFETCH_AFTER_MS = 2_000;

/**
 * Fetches every other screen's chunk (and the form's rules) once the first screen is settled and the
 * app is idle: nothing waits on them later. A screen opened sooner loads its chunk there and then.
 */
export function prefetchScreens(): () => void {
  const fetchAll = () => {
    prefetch(Object.values(screenChunks));
    prefetchParts();
    void loadDraftRules();
  };
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
