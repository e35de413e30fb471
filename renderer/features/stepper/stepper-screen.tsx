// The Authenticate screen: the three-step stepper (Redirect URL → Authenticate Users → Authenticate Instance).
import { IconKey } from '@tabler/icons-react';
import { EmptyState } from '../shell/empty-state';

export function StepperScreen() {
  return (
    <EmptyState icon={<IconKey size={28} />} title="Authenticate an element">
      Create an element instance in three steps: get the vendor&apos;s sign-in link, let the customer sign in,
      and the instance is created at once.
    </EmptyState>
  );
}
