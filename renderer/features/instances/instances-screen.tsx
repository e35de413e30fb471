// The Instances screen: the active tenant's instances in a filterable, sortable, virtualized table,
// with refresh, export (selected or all), import and copy to another tenant (through the import plan),
// empty and error states, and the detail drawer.
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import {
  IconDownload,
  IconFileImport,
  IconListDetails,
  IconRefresh,
  IconSearch,
  IconUsersGroup,
  IconX,
} from '@tabler/icons-react';
import { useAppStore } from '../../stores/app';
import { useInstancesStore, type ExportScope } from '../../stores/instances';
import { EmptyState } from '../shell/empty-state';
import { ExportModal } from './export-modal';
import { InstanceDetail } from './instance-detail';
import { filterRows, sortedRows } from '../../models/instance-rows';
import { InstancesTable } from './instances-table';
import { CopyToTenantMenu } from './copy-to-tenant-menu';
import { ImportPlanModal } from './import-plan-modal';
import { useImportPlanStore } from '../../stores/import-plan';
import { ScreenTitle } from '../shell/focus-heading';

interface InstancesActionsProps {
  tenantId: string;
  loading: boolean;
  selected: ReadonlySet<number>;
  total: number;
  onRefresh(): Promise<void>;
  onExport(scope: ExportScope): void;
}

/** Refresh, import, copy and the two exports; memoised, so a keystroke in the filter does not render them again. */
const InstancesActions = memo(function InstancesActions(props: InstancesActionsProps) {
  const { tenantId, loading, selected, total, onRefresh, onExport } = props;
  const selectedCount = selected.size;
  const openPlan = useImportPlanStore((state) => state.open);
  const ids = useMemo(() => [...selected], [selected]);
  return (
    <Group gap="xs" justify="flex-end">
      <Button
        variant="default"
        leftSection={<IconRefresh size={16} />}
        loading={loading}
        onClick={() => void onRefresh()}
      >
        Refresh
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileImport size={16} />}
        onClick={() => void openPlan({ from: 'file' }, tenantId)}
      >
        Import…
      </Button>
      <CopyToTenantMenu tenantId={tenantId} ids={ids} />
      <Button
        variant="default"
        leftSection={<IconDownload size={16} />}
        disabled={selectedCount === 0}
        onClick={() => onExport('selected')}
      >
        Export selected
      </Button>
      <Button leftSection={<IconDownload size={16} />} disabled={total === 0} onClick={() => onExport('all')}>
        Export all
      </Button>
    </Group>
  );
});

const count = (n: number, what: string) => `${n.toLocaleString()} ${what}${n === 1 ? '' : 's'}`;

export function InstancesScreen() {
  const store = useInstancesStore();
  const { list, loading, error, filter, sort, selected, openId, busy, actionError, exported, deleted } =
    store;
  const exportScope = store.exportDialog;
  const go = useAppStore((state) => state.go);
  const { load, listen } = store;
  useEffect(() => {
    void load();
    return listen();
  }, [load, listen]);
  // After a delete the row and its drawer are gone: focus goes to the notice that says what happened.
  const deletedNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (deleted) deletedNotice.current?.focus();
  }, [deleted]);
  // Sorting and the search keys follow the list and the sort; a keystroke only filters them.
  const sorted = useMemo(() => sortedRows(list?.instances ?? [], sort), [list, sort]);
  const rows = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  const { open } = store;
  const openRow = useCallback((id: number) => void open(id), [open]);

  if (error?.code === 'no_active_tenant') {
    return (
      <EmptyState
        screen
        icon={<IconUsersGroup size={28} />}
        title="Choose a tenant first"
        action={<Button onClick={() => go('tenants')}>Go to Tenants</Button>}
      >
        Instances belong to a tenant. Add one with its organization and user secrets, or pick the one to work
        on.
      </EmptyState>
    );
  }
  if (error) {
    return (
      <Alert color="red" variant="light" title="The instances could not be loaded" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{error.message}</Text>
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={16} />}
            loading={loading}
            onClick={() => void load()}
          >
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!list) {
    return (
      <Group justify="center" py={64} gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">Loading instances…</Text>
      </Group>
    );
  }

  const total = list.instances.length;
  const exportError = actionError?.action === 'export' ? actionError.error : null;
  const shown =
    rows.length === total
      ? count(total, 'instance')
      : `${rows.length.toLocaleString()} of ${count(total, 'instance')}`;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <ScreenTitle>Instances</ScreenTitle>
          <Text c="dimmed" size="sm" data-testid="instances-summary">
            {list.tenantName} · {shown}
            {selected.size > 0 ? ` · ${selected.size.toLocaleString()} selected` : ''}
          </Text>
        </div>
        <InstancesActions
          tenantId={list.tenantId}
          loading={loading}
          selected={selected}
          total={total}
          onRefresh={load}
          onExport={store.openExport}
        />
      </Group>
      {exported && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={store.dismissExported}
          data-testid="export-done"
        >
          Exported {count(exported.count, 'instance')} to {exported.path}
          {exported.secretsIncluded ? ' with secrets (readable by you only).' : ', secrets redacted.'}
        </Alert>
      )}
      {deleted && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={store.dismissDeleted}
          data-testid="delete-done"
          ref={deletedNotice}
          tabIndex={-1}
        >
          Deleted “{deleted.name}” (#{deleted.id}) from {deleted.tenantName}.
        </Alert>
      )}
      {total === 0 ? (
        <EmptyState
          icon={<IconListDetails size={28} />}
          title={`No instances in ${list.tenantName} yet`}
          action={<Button onClick={() => go('authenticate')}>Authenticate an instance</Button>}
        >
          Instances you create for this tenant appear here, ready to inspect, test and export.
        </EmptyState>
      ) : (
        <>
          <TextInput
            placeholder="Filter by name, element, id or tag"
            aria-label="Filter instances"
            leftSection={<IconSearch size={16} />}
            rightSection={
              filter ? (
                <IconX
                  size={16}
                  style={{ cursor: 'pointer' }}
                  aria-label="Clear the filter"
                  onClick={() => store.setFilter('')}
                />
              ) : null
            }
            value={filter}
            onChange={(event) => store.setFilter(event.currentTarget.value)}
            maw={480}
          />
          {/* The table stays while nothing matches: rows that come back are drawn in one frame. */}
          <InstancesTable
            rows={rows}
            sort={sort}
            selected={selected}
            openId={openId}
            maxHeight="max(320px, calc(100vh - 300px))"
            onSort={store.sortBy}
            onToggle={store.toggleSelected}
            onSelectRows={store.setSelected}
            onOpen={openRow}
          />
          {rows.length === 0 && (
            <Text c="dimmed" py="xl" ta="center">
              No instance matches “{filter}”.
            </Text>
          )}
        </>
      )}
      <InstanceDetail />
      <ImportPlanModal />
      {exportScope && (
        <ExportModal
          opened
          tenantName={list.tenantName}
          selectedCount={selected.size}
          totalCount={total}
          initialScope={exportScope}
          busy={busy === 'export'}
          error={exportError}
          onClose={() => store.openExport(null)}
          onExport={(scope, includeSecrets) => void store.exportInstances(scope, includeSecrets)}
        />
      )}
    </Stack>
  );
}
