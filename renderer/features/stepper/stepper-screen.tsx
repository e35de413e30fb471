// The Authenticate screen: "acting on <tenant>", then the three-step stepper (Redirect URL →
// Authenticate Users → Authenticate Instance) over what main pushes, or a pointer to Tenants. The
// stepper's code is a part fetched once there is a tenant to act on (parts.tsx).
import { useEffect } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useAppStore } from '../../stores/app';
import { useFlowStore } from '../../stores/flow';
import { useInstancesStore } from '../../stores/instances';
import { activeTenantOf, useTenantsStore } from '../../stores/tenants';
import type { FlowTarget } from '../../models/flow-draft';
import { FlowStepper } from '../../parts';
import { NoTenantState } from './no-tenant-state';
import { ScreenTitle } from '../shell/focus-heading';
import { ScreenFallback } from '../shell/screen-fallback';

export function StepperScreen() {
  const load = useFlowStore((state) => state.load);
  const listen = useFlowStore((state) => state.listen);
  const view = useFlowStore((state) => state.view);
  const go = useAppStore((state) => state.go);
  const tenants = useTenantsStore((state) => state.list);
  const tenantsError = useTenantsStore((state) => state.error);
  const loadTenants = useTenantsStore((state) => state.load);
  const intent = useInstancesStore((state) => state.reauthenticate);
  const importing = useInstancesStore((state) => state.importing);
  const clearIntent = useInstancesStore((state) => state.clearReauthenticate);
  useEffect(() => {
    const unsubscribe = listen();
    void load();
    if (!useTenantsStore.getState().list) void loadTenants();
    return unsubscribe;
  }, [load, listen, loadTenants]);

  const finishedReauth = view.step === 'done' && view.reauthenticated;
  useEffect(() => {
    if (finishedReauth) clearIntent();
  }, [finishedReauth, clearIntent]);

  const active = activeTenantOf(tenants);
  const shown =
    view.step === 'idle'
      ? active && { id: active.id, name: active.name }
      : { id: view.tenantId, name: view.tenantName };
  if (!shown) {
    return tenants || tenantsError ? <NoTenantState onOpenTenants={() => go('tenants')} /> : null;
  }
  const oauthApps = active ? (tenants?.oauthApps ?? []).filter((app) => app.tenantId === active.id) : [];
  const target: FlowTarget | null =
    intent && intent.tenantId === active?.id
      ? { kind: 'reauth', instanceId: intent.instanceId, name: intent.name, elementKey: intent.elementKey }
      : importing && importing.tenantId === active?.id
        ? importing
        : null;
  const reauth = target?.kind === 'reauth';
  return (
    <Stack gap="lg" maw={920} w="100%" mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <ScreenTitle>
            {reauth
              ? 'Re-authenticate an instance'
              : target
                ? 'Import an instance'
                : 'Authenticate an element'}
          </ScreenTitle>
          <Text c="dimmed">
            Three steps: get the sign-in link, let the customer sign in, and the instance is{' '}
            {reauth ? 'renewed' : 'created'}.
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap" data-testid="acting-on">
          <Text fz="sm" c="dimmed">
            acting on
          </Text>
          <Badge variant="light" size="lg" radius="sm" tt="none">
            {shown.name}
          </Badge>
        </Group>
      </Group>
      <FlowStepper
        fallback={<ScreenFallback />}
        tenantId={shown.id}
        oauthApps={oauthApps}
        target={target}
        onCancelReauth={clearIntent}
      />
    </Stack>
  );
}
