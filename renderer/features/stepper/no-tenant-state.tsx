// The stepper without an active tenant: a friendly empty state pointing to the Tenants screen.
import { Button } from '@mantine/core';
import { IconKey, IconUsersGroup } from '@tabler/icons-react';
import { EmptyState } from '../shell/empty-state';

export function NoTenantState({ onOpenTenants }: { onOpenTenants(): void }) {
  return (
    <EmptyState
      screen
      icon={<IconKey size={28} />}
      title="Choose a tenant first"
      action={
        <Button leftSection={<IconUsersGroup size={16} />} onClick={onOpenTenants}>
          Open Tenants
        </Button>
      }
    >
      An instance is created on a tenant’s platform with its organization and user secrets. Add a tenant, or
      pick one, and come back here to authenticate an element.
    </EmptyState>
  );
}
