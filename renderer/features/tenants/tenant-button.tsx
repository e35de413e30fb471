// The header's button naming the active tenant (name and colour): alone until the menu is first
// opened, then the menu's target (tenant-menu.tsx).
import type { ComponentPropsWithRef } from 'react';
import { Button, ColorSwatch, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { TenantView } from '../../../common/contract';
import { NO_TENANT_COLOR } from '../shell/tenant-color';

interface TenantButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'color' | 'style'> {
  active: TenantView | null;
}

export function TenantButton({ active, ...props }: TenantButtonProps) {
  const name = active?.name ?? null;
  return (
    <Button
      variant="default"
      data-testid="active-tenant"
      aria-haspopup="menu"
      aria-expanded={false}
      {...props}
      aria-label={name ? `Active tenant: ${name}. Switch tenant` : 'No tenant selected. Choose a tenant'}
      leftSection={<ColorSwatch color={active?.color ?? NO_TENANT_COLOR} size={14} />}
      rightSection={<IconChevronDown size={14} />}
      style={active?.color ? { borderColor: active.color, borderWidth: 2 } : undefined}
    >
      <Text fw={600} size="sm" truncate maw={240}>
        {name ?? 'No tenant selected'}
      </Text>
    </Button>
  );
}
