// The app: the frame, the active tenant in its header, and the current screen.
import { useEffect } from 'react';
import { assertNever } from '../common/assert-never';
import { ActivityScreen } from './features/activity/activity-screen';
import { HealthScreen } from './features/health/health-screen';
import { ReauthQueueBar } from './features/health/reauth-queue-bar';
import { InstancesScreen } from './features/instances/instances-screen';
import { AppFrame } from './features/shell/app-frame';
import { SettingsScreen } from './features/settings/settings-screen';
import { StepperScreen } from './features/stepper/stepper-screen';
import { TenantBadge } from './features/tenants/tenant-badge';
import { TenantsScreen } from './features/tenants/tenants-screen';
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
  return (
    <AppFrame tenantSlot={<TenantBadge />}>
      <ReauthQueueBar />
      <CurrentScreen screen={screen} />
    </AppFrame>
  );
}
