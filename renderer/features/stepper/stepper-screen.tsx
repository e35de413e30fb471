// The Authenticate screen: "acting on <tenant>", then the three-step stepper (Redirect URL →
// Authenticate Users → Authenticate Instance) over what main pushes, or a pointer to Tenants.
import { useEffect } from 'react';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useAppStore } from '../../stores/app';
import { useFlowStore } from '../../stores/flow';
import { FlowStepper } from './flow-stepper';
import { NoTenantState } from './no-tenant-state';
import { useActingTenant } from './use-acting-tenant';

export function StepperScreen() {
  const load = useFlowStore((state) => state.load);
  const listen = useFlowStore((state) => state.listen);
  const view = useFlowStore((state) => state.view);
  const go = useAppStore((state) => state.go);
  const tenant = useActingTenant();
  useEffect(() => {
    const unsubscribe = listen();
    void load();
    return unsubscribe;
  }, [load, listen]);

  const tenantName = view.step === 'idle' ? tenant.name : view.tenantName;
  if (tenantName === null) {
    return tenant.loading ? null : <NoTenantState onOpenTenants={() => go('tenants')} />;
  }
  return (
    <Stack gap="lg" maw={920} w="100%" mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>Authenticate an element</Title>
          <Text c="dimmed">
            Three steps: get the sign-in link, let the customer sign in, and the instance is created.
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap" data-testid="acting-on">
          <Text fz="sm" c="dimmed">
            acting on
          </Text>
          <Badge variant="light" size="lg" radius="sm" tt="none">
            {tenantName}
          </Badge>
        </Group>
      </Group>
      <FlowStepper oauthApps={tenant.oauthApps} />
    </Stack>
  );
}
