// The header's menu to switch tenant or manage them. Mounted by the first click on the header's button
// (its code is fetched then, or was when the app went idle): it takes that button's place and opens.
import { useEffect, useRef, useState } from 'react';
import { ColorSwatch, Menu } from '@mantine/core';
import { IconCheck, IconSettings } from '@tabler/icons-react';
import type { TenantView } from '../../../common/contract';
import { NO_TENANT_COLOR } from '../shell/tenant-color';
import { TenantButton } from './tenant-button';

interface TenantMenuProps {
  active: TenantView | null;
  tenants: TenantView[];
  onUse(id: string): void;
  onManage(): void;
}

export function TenantMenu({ active, tenants, onUse, onManage }: TenantMenuProps) {
  const target = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    // The clicked button has left the page: its place takes the focus, so that closing the menu gives
    // the focus back to it, then the menu opens.
    target.current?.focus();
    setOpened(true);
  }, []);
  return (
    <Menu
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={260}
      shadow="md"
      withInitialFocusPlaceholder={false}
      // The header never scrolls away: nothing to hide the menu for (and without layout, as under
      // jsdom, the check would hide it).
      hideDetached={false}
    >
      <Menu.Target>
        <TenantButton ref={target} active={active} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{tenants.length ? 'Switch tenant' : 'No tenants yet'}</Menu.Label>
        {tenants.map((tenant) => (
          <Menu.Item
            key={tenant.id}
            leftSection={<ColorSwatch color={tenant.color ?? NO_TENANT_COLOR} size={12} />}
            rightSection={tenant.id === active?.id ? <IconCheck size={14} /> : null}
            onClick={() => {
              // The button has the focus back before main answers: a "flow still running" question
              // that opens then gives the focus back to it, not to this item, gone with the menu.
              target.current?.focus();
              if (tenant.id !== active?.id) onUse(tenant.id);
            }}
          >
            {tenant.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={14} />} onClick={onManage}>
          Manage tenants
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
