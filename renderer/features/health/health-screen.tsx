// The Health screen: every customer's broken integrations at once. Opens on the last run kept by
// main; runs a check of the picked tenants; one table across tenants, filtered, exported as CSV or JSON.
import { useEffect, useMemo } from 'react';
import { Alert, Button, Chip, Group, Menu, MultiSelect, Stack, Text } from '@mantine/core';
import { IconDownload, IconHeartbeat, IconUsersGroup } from '@tabler/icons-react';
import { healthOutcomes, type HealthOutcome } from '../../../common/contract-lists';
import { healthRows, isFailing } from '../../../common/health-rows';
import { useAppStore } from '../../stores/app';
import { useHealthStore } from '../../stores/health';
import { useSignInQueueStore } from '../../stores/sign-in-queue';
import { useTenantsStore } from '../../stores/tenants';
import { EmptyState } from '../shell/empty-state';
import { formatWhen, lastRunOf, outcomeLabel } from './health-format';
import { HealthRunBar } from './health-run-bar';
import { HealthTable } from './health-table';
import { ScreenTitle } from '../shell/focus-heading';

export function HealthScreen() {
  const store = useHealthStore();
  const { board, error, picked, running, cancelling, progress, tenantFilter, outcomeFilter } = store;
  const { actionError, exported, load, listen } = store;
  const tenants = useTenantsStore((state) => state.list)?.tenants ?? [];
  const go = useAppStore((state) => state.go);
  const startQueue = useSignInQueueStore((state) => state.start);
  useEffect(() => {
    void load();
    return listen();
  }, [load, listen]);
  const rows = useMemo(
    () => (board ? healthRows(board, { tenantIds: tenantFilter, outcomes: outcomeFilter }) : []),
    [board, tenantFilter, outcomeFilter],
  );

  if (board && board.tenants.length === 0) {
    return (
      <EmptyState
        screen
        icon={<IconUsersGroup size={28} />}
        title="No tenants to check yet"
        action={<Button onClick={() => go('tenants')}>Go to Tenants</Button>}
      >
        The Health screen checks every instance of every customer. Add a tenant with its secrets first.
      </EmptyState>
    );
  }
  const lastRun = lastRunOf(board?.tenants.map((tenant) => tenant.runs[0]) ?? []);
  const failing = rows.filter((row) => isFailing(row.outcome)).length;
  const problems = board?.tenants.filter((tenant) => tenant.problem) ?? [];
  // What a new sign-in can fix: the refused tokens among the rows shown.
  const refused = rows.filter((row) => row.outcome === 'token_refused');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <ScreenTitle>Health</ScreenTitle>
          <Text c="dimmed" size="sm" data-testid="health-summary">
            {lastRun
              ? `Last run ${formatWhen(lastRun.finishedAt)}${lastRun.cancelled ? ' (cancelled)' : ''} · ${rows.length.toLocaleString()} instances shown, ${failing.toLocaleString()} failing`
              : 'No check has run yet: pick tenants and check them.'}
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="light"
            color="red"
            disabled={refused.length === 0 || running}
            onClick={() => void startQueue(refused)}
          >
            {`Re-authenticate these (${refused.length.toLocaleString()})`}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} disabled={rows.length === 0}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void store.exportBoard('csv')}>Shown rows as CSV</Menu.Item>
              <Menu.Item onClick={() => void store.exportBoard('json')}>Shown rows as JSON</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <HealthRunBar
        tenants={tenants}
        picked={picked}
        running={running}
        cancelling={cancelling}
        progress={progress}
        onPick={store.pick}
        onRun={() => void store.run()}
        onCancel={() => void store.cancel()}
      />
      {(error ?? actionError) && (
        <Alert color="red" variant="light" role="alert" title="The health board could not do that">
          {(error ?? actionError?.error)?.message}
        </Alert>
      )}
      {exported && (
        <Alert color="teal" variant="light" withCloseButton onClose={store.dismissExported}>
          {`${exported.count.toLocaleString()} results written to ${exported.path}.`}
        </Alert>
      )}
      {problems.map((tenant) => (
        <Alert
          key={tenant.tenantId}
          color="orange"
          variant="light"
          title={`${tenant.tenantName} was not checked`}
        >
          {tenant.problem?.message}
          {tenant.problem?.requestId ? ` Request id: ${tenant.problem.requestId}` : ''}
        </Alert>
      ))}
      <Group gap="md" align="flex-end">
        <MultiSelect
          label="Show tenants"
          placeholder="All tenants"
          data={(board?.tenants ?? []).map((tenant) => ({
            value: tenant.tenantId,
            label: tenant.tenantName,
          }))}
          value={tenantFilter}
          onChange={store.setTenantFilter}
          searchable
          clearable
          w={320}
        />
        <Chip.Group
          multiple
          value={outcomeFilter}
          onChange={(value) => store.setOutcomeFilter(value as HealthOutcome[])}
        >
          <Group gap={6} role="group" aria-label="Show outcomes">
            {healthOutcomes.map((outcome) => (
              <Chip key={outcome} value={outcome} size="xs">
                {outcomeLabel(outcome)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {board && rows.length === 0 && lastRun ? (
        <EmptyState icon={<IconHeartbeat size={28} />} title="Nothing to show">
          No instance matches these filters.
        </EmptyState>
      ) : (
        <HealthTable rows={rows} maxHeight="calc(100vh - 420px)" />
      )}
    </Stack>
  );
}
