// "Check connection": calls the active tenant's platform through the app's network settings and
// shows each stage (DNS, proxy, TLS, HTTP) with main's plain words.
import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ConnectionCheck, ConnectionStage } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { useSettingsStore } from '../../stores/settings';
import { activeTenantOf, useTenantsStore } from '../../stores/tenants';

function stageName(stage: ConnectionStage): string {
  switch (stage) {
    case 'dns':
      return 'DNS';
    case 'proxy':
      return 'Proxy';
    case 'tls':
      return 'TLS';
    case 'http':
      return 'HTTP';
    default:
      return assertNever(stage);
  }
}

const OUTCOME = {
  ok: { color: 'teal', label: 'OK' },
  failed: { color: 'red', label: 'Failed' },
  skipped: { color: 'gray', label: 'Skipped' },
} as const;

function Stages({ result }: { result: ConnectionCheck }) {
  return (
    <List listStyleType="none" spacing="xs" aria-label="Connection check" data-testid="connection-check">
      {result.stages.map((item) => (
        <List.Item key={item.stage}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Badge color={OUTCOME[item.outcome].color} variant="light" miw={80} style={{ flexShrink: 0 }}>
              {OUTCOME[item.outcome].label}
            </Badge>
            <Text size="sm">
              <strong>{stageName(item.stage)}:</strong> {item.message}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

export function ConnectionCheckPanel() {
  const { checking, check, checkError, checkConnection } = useSettingsStore();
  const active = useTenantsStore((state) => activeTenantOf(state.list));
  const activeId = active?.id ?? null;
  const shown = check && check.tenantId === activeId ? check.result : null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Check connection
      </Title>
      <Text size="sm" c="dimmed">
        {active
          ? `Calls the platform of ${active.name} (${active.baseUrl}) without sending any secret.`
          : 'Choose a tenant first: the check calls its platform.'}
      </Text>
      <Group>
        <Button
          variant="light"
          loading={checking}
          disabled={!active}
          onClick={() => void checkConnection(activeId)}
        >
          Check connection
        </Button>
      </Group>
      {checkError && (
        <Alert color="red" variant="light" role="alert" title="The check could not run">
          {checkError.message}
        </Alert>
      )}
      {shown && (
        <Stack gap="xs">
          <Text fw={600} c={shown.ok ? 'teal' : 'red'} role="status">
            {shown.ok ? `${shown.host} can be reached.` : `${shown.host} cannot be reached.`}
          </Text>
          <Stages result={shown} />
        </Stack>
      )}
    </Stack>
  );
}
