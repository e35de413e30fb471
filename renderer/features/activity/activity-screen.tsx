// The Activity screen: what was done for the active tenant, newest first, filtered by action and
// instance, a warning where the log's hash chain breaks, and the CSV export (main asks where to save).
import { useEffect, useMemo, useRef } from 'react';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconHistory, IconRefresh, IconUsersGroup } from '@tabler/icons-react';
import type { ActivityEntry } from '../../../common/contract';
import { activityActions, type ActivityAction } from '../../../common/contract-lists';
import { useActivityStore } from '../../stores/activity';
import { useAppStore } from '../../stores/app';
import { activeTenantOf, useTenantsStore } from '../../stores/tenants';
import { EmptyState } from '../shell/empty-state';
import { ACTION_LABELS, detailsText, instancesIn, visibleEntries } from './activity-labels';
import { ScreenTitle } from '../shell/focus-heading';
import { rowsWithGaps } from '../shell/measured-rows';
import { useMeasuredRowWindow } from '../shell/row-window';
import './activity-screen.css';

const ACTION_OPTIONS = activityActions.map((action) => ({ value: action, label: ACTION_LABELS[action] }));

const COLUMNS = 6;

interface ActivityTableProps {
  tenantName: string;
  entries: readonly ActivityEntry[];
  /** Instance names by id, as the log last named them. */
  instances: ReadonlyMap<number, string>;
}

/**
 * The entries, newest first, in their own scroll box with only those in view drawn: a log of years
 * (tens of thousands of entries) shows and filters as fast as a short one. Stripes follow the entries.
 */
function ActivityTable({ tenantName, entries, instances }: ActivityTableProps) {
  const box = useRef<HTMLDivElement>(null);
  const keys = useMemo(() => entries.map((entry) => entry.seq), [entries]);
  const { shown, tops, measure } = useMeasuredRowWindow(box, keys, null);
  const rows = rowsWithGaps(shown, tops, COLUMNS, (index) => {
    const entry = entries[index]!;
    return (
      <Table.Tr
        key={entry.seq}
        ref={measure(entry.seq)}
        aria-rowindex={index + 2}
        data-stripe={index % 2 === 0 || undefined}
      >
        <Table.Td>{new Date(entry.time).toLocaleString()}</Table.Td>
        <Table.Td>{ACTION_LABELS[entry.action]}</Table.Td>
        <Table.Td>
          {entry.instanceId === undefined ? (entry.instanceName ?? '') : instances.get(entry.instanceId)}
        </Table.Td>
        <Table.Td>
          <Badge color={entry.outcome === 'ok' ? 'teal' : 'red'} variant="light">
            {entry.outcome === 'ok' ? 'OK' : 'Failed'}
          </Badge>
        </Table.Td>
        <Table.Td>{entry.source === 'app' ? 'App' : 'CLI'}</Table.Td>
        <Table.Td>
          <Text size="sm">{detailsText(entry)}</Text>
        </Table.Td>
      </Table.Tr>
    );
  });
  return (
    // Focusable, so the keyboard scrolls it too (its rows hold nothing to focus).
    <div
      ref={box}
      className="ea-activity-scroll"
      data-testid="activity-scroll"
      role="region"
      aria-label={`Entries of ${tenantName}`}
      tabIndex={0}
    >
      {/* Fixed column widths: the rows drawn change as it scrolls, and must not move the columns. */}
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        className="ea-activity-table"
        aria-label={`Activity of ${tenantName}`}
        aria-rowcount={entries.length + 1}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th w="16%">Time</Table.Th>
            <Table.Th w="14%">Action</Table.Th>
            <Table.Th w="13%">Instance</Table.Th>
            <Table.Th w="10%">Outcome</Table.Th>
            <Table.Th w="7%">From</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </div>
  );
}

export function ActivityScreen() {
  const tenants = useTenantsStore((state) => state.list);
  const active = activeTenantOf(tenants);
  const go = useAppStore((state) => state.go);
  const store = useActivityStore();
  const { list, loading, error, filters, load, setFilters } = store;
  const activeId = active?.id ?? null;
  useEffect(() => {
    if (activeId) void load(activeId);
  }, [load, activeId, tenants]);
  const entries = useMemo(() => visibleEntries(list?.entries ?? [], filters), [list, filters]);
  const instances = useMemo(() => instancesIn(list?.entries ?? []), [list]);
  const instanceOptions = [...instances].map(([id, label]) => ({ value: String(id), label }));

  if (!active) {
    return (
      <EmptyState
        screen
        icon={<IconUsersGroup size={28} />}
        title="Choose a tenant first"
        action={<Button onClick={() => go('tenants')}>Go to Tenants</Button>}
      >
        Each tenant has its own activity log: what was done for that customer, when, and from where.
      </EmptyState>
    );
  }
  const shown = list?.tenantId === active.id ? list : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <ScreenTitle>Activity of {active.name}</ScreenTitle>
          <Text c="dimmed" size="sm">
            Every change and every secret taken out, from this app and from element-auth. No secret is ever
            written here.
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={loading}
            onClick={() => void load(active.id)}
          >
            Refresh
          </Button>
          <Button
            leftSection={<IconDownload size={16} />}
            loading={store.exporting}
            disabled={!shown || entries.length === 0}
            onClick={() => void store.exportCsv()}
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" variant="light" title="The activity could not be read" role="alert">
          {error.message}
        </Alert>
      )}
      {shown && !shown.chain.ok && (
        <Alert
          color="yellow"
          variant="light"
          title="This activity log was changed outside the app"
          role="alert"
        >
          The log&apos;s hash chain breaks at {shown.chain.message} Entries there and after may not be as they
          were written.
        </Alert>
      )}
      {store.exported && (
        <Alert color="teal" variant="light" withCloseButton onClose={store.dismissExport}>
          Exported {store.exported.count} {store.exported.count === 1 ? 'entry' : 'entries'} to{' '}
          {store.exported.path}.
        </Alert>
      )}
      {store.exportError && (
        <Alert color="red" variant="light" withCloseButton onClose={store.dismissExport} role="alert">
          {store.exportError.message}
        </Alert>
      )}
      <Group gap="sm">
        <Select
          label="Action"
          placeholder="All actions"
          data={ACTION_OPTIONS}
          value={filters.action}
          onChange={(value) => setFilters({ action: value as ActivityAction | null })}
          clearable
          w={240}
        />
        <Select
          label="Instance"
          placeholder="All instances"
          data={instanceOptions}
          value={filters.instanceId === null ? null : String(filters.instanceId)}
          onChange={(value) => setFilters({ instanceId: value === null ? null : Number(value) })}
          clearable
          searchable
          w={240}
        />
      </Group>
      {!shown ? (
        <Group justify="center" py={64} gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">Loading the activity…</Text>
        </Group>
      ) : entries.length === 0 ? (
        <EmptyState icon={<IconHistory size={28} />} title="Nothing recorded here yet">
          {shown.entries.length === 0
            ? `Actions on ${active.name} (instances created, tested, exported, secrets copied…) appear here.`
            : 'No entry matches these filters.'}
        </EmptyState>
      ) : (
        // One per tenant: another tenant's log starts at its top, with nothing of this one's kept.
        <ActivityTable key={active.id} tenantName={active.name} entries={entries} instances={instances} />
      )}
    </Stack>
  );
}
