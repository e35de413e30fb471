// "Copy to tenant…": the other tenants to recreate some instances on; choosing one opens the import
// plan for them (nothing happens before the plan is started).
import { Button, Menu } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useImportPlanStore } from '../../stores/import-plan';
import { useTenantsStore } from '../../stores/tenants';

export interface CopyToTenantMenuProps {
  /** The tenant the instances are on. */
  tenantId: string;
  ids: number[];
  size?: 'xs' | 'sm';
}

export function CopyToTenantMenu({ tenantId, ids, size = 'sm' }: CopyToTenantMenuProps) {
  const tenants = useTenantsStore((state) => state.list)?.tenants ?? [];
  const open = useImportPlanStore((state) => state.open);
  const others = tenants.filter((tenant) => tenant.id !== tenantId);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size={size}
          leftSection={<IconCopy size={16} />}
          disabled={ids.length === 0 || others.length === 0}
        >
          Copy to tenant…
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label="Copy to tenant">
        <Menu.Label>Recreate on</Menu.Label>
        {others.map((tenant) => (
          <Menu.Item key={tenant.id} onClick={() => void open({ from: 'tenant', tenantId, ids }, tenant.id)}>
            {tenant.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
