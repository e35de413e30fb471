// The Instances screen: the active tenant's element instances.
import { IconListDetails } from '@tabler/icons-react';
import { EmptyState } from '../shell/empty-state';

export function InstancesScreen() {
  return (
    <EmptyState icon={<IconListDetails size={28} />} title="No instances yet">
      Instances you create for this tenant appear here, ready to inspect, test and export.
    </EmptyState>
  );
}
