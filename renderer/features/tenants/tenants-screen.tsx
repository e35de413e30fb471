// The Tenants screen: the customers and environments whose platform secrets live in the keychain.
import { IconUsersGroup } from '@tabler/icons-react';
import { EmptyState } from '../shell/empty-state';

export function TenantsScreen() {
  return (
    <EmptyState icon={<IconUsersGroup size={28} />} title="No tenants yet">
      A tenant is one customer or environment: its platform URL and its organization and user secrets, kept in
      your system keychain.
    </EmptyState>
  );
}
