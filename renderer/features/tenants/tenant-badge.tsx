// The active tenant in the header on every screen (name and colour, also in the window title),
// with a menu to switch; a pending flow makes the switch ask first.
import { useEffect } from 'react';
import { Button, ColorSwatch, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconSettings } from '@tabler/icons-react';
import { useAppStore } from '../../stores/app';
import { onTenantSwitch } from '../../stores/tenant-switch';
import { activeTenantOf, useTenantsStore } from '../../stores/tenants';
import { FlowQuestionModal } from './flow-question-modal';

export const APP_TITLE = 'Element Authenticator';
const NO_COLOR = 'var(--mantine-color-gray-4)';

// Why a switch was refused says nothing once another tenant is active: dropped in the very update
// that changes the header, so no frame shows it beside the new tenant.
onTenantSwitch(() => useAppStore.getState().dropSwitchNotices());

export function TenantBadge() {
  const { list, load, listen, use, flowQuestion, answerFlowQuestion, actionError } = useTenantsStore();
  const go = useAppStore((state) => state.go);
  const notify = useAppStore((state) => state.notify);
  const active = activeTenantOf(list);
  const activeName = active?.name ?? null;

  useEffect(() => {
    void load();
    return listen();
  }, [load, listen]);

  useEffect(() => {
    document.title = activeName ? `${activeName} — ${APP_TITLE}` : APP_TITLE;
  }, [activeName]);

  useEffect(() => {
    if (actionError?.action === 'use') {
      notify({
        level: 'error',
        message: `The tenant was not switched. ${actionError.error.message}`,
        untilSwitch: true,
      });
    }
  }, [actionError, notify]);

  const tenants = list?.tenants ?? [];
  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            variant="default"
            data-testid="active-tenant"
            aria-label={
              activeName
                ? `Active tenant: ${activeName}. Switch tenant`
                : 'No tenant selected. Choose a tenant'
            }
            leftSection={<ColorSwatch color={active?.color ?? NO_COLOR} size={14} />}
            rightSection={<IconChevronDown size={14} />}
            style={active?.color ? { borderColor: active.color, borderWidth: 2 } : undefined}
          >
            <Text fw={600} size="sm" truncate maw={240}>
              {activeName ?? 'No tenant selected'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{tenants.length ? 'Switch tenant' : 'No tenants yet'}</Menu.Label>
          {tenants.map((tenant) => (
            <Menu.Item
              key={tenant.id}
              leftSection={<ColorSwatch color={tenant.color ?? NO_COLOR} size={12} />}
              rightSection={tenant.id === active?.id ? <IconCheck size={14} /> : null}
              onClick={() => {
                if (tenant.id !== active?.id) void use(tenant.id);
              }}
            >
              {tenant.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconSettings size={14} />} onClick={() => go('tenants')}>
            Manage tenants
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <FlowQuestionModal question={flowQuestion} onAnswer={(proceed) => void answerFlowQuestion(proceed)} />
    </>
  );
}
