// The app: the frame, the active tenant in its header, and the current screen (screens.tsx: one
// chunk per screen, a quiet fallback while it is on its way).
import { useEffect } from 'react';
import { assertNever } from '../common/assert-never';
import { SignInQueueBar } from './features/shell/sign-in-queue-bar';
import { AppFrame } from './features/shell/app-frame';
import { TenantBadge } from './features/tenants/tenant-badge';
import {
  ActivityScreen,
  HealthScreen,
  InstancesScreen,
  prefetchScreens,
  SettingsScreen,
  StepperScreen,
  TenantsScreen,
} from './screens';
import { useAppStore, type Screen } from './stores/app';

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'authenticate':
      return <StepperScreen />;
    case 'instances':
      return <InstancesScreen />;
    case 'health':
      return <HealthScreen />;
    case 'tenants':
      return <TenantsScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return assertNever(screen);
  }
}

export function App() {
  const screen = useAppStore((state) => state.screen);
  const loadInfo = useAppStore((state) => state.loadInfo);
  const listen = useAppStore((state) => state.listen);
  useEffect(() => {
    void loadInfo();
    return listen();
  }, [loadInfo, listen]);
  useEffect(() => prefetchScreens(), []);
  return (
    <AppFrame tenantSlot={<TenantBadge />}>
      <SignInQueueBar />
      <CurrentScreen screen={screen} />
    </AppFrame>
  );
}
