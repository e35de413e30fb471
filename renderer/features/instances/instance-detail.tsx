// The detail drawer of one instance: what it is, its configuration as key/value and as redacted
// JSON, and the actions: test, copy token and create body (through main), re-authenticate, delete.
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  Alert,
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconBraces,
  IconCheck,
  IconCopy,
  IconHeartbeat,
  IconLock,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import type { InstanceSummary } from '../../../common/contract';
import { useInstancesStore } from '../../stores/instances';
import { DeleteInstanceModal } from './delete-instance-modal';
import { CopyToTenantMenu } from './copy-to-tenant-menu';
import { formatCreated, formatInstant, statusOf } from '../../models/instance-rows';

const STATUS_COLOR = { valid: 'teal', invalid: 'orange', disabled: 'gray' } as const;

function TestOutcome() {
  const outcome = useInstancesStore((state) => state.testOutcome);
  if (!outcome) return null;
  if (outcome.ok) {
    const at = outcome.dateTime ? formatInstant(outcome.dateTime) : null;
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCheck size={18} />}
        title="OK"
        data-testid="test-outcome"
      >
        The platform accepted the instance token{at ? ` · platform time ${at}` : ''}.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="The test failed" data-testid="test-outcome" role="alert">
      {outcome.message}
    </Alert>
  );
}

function ConfigurationTable() {
  const entries = useInstancesStore((state) => state.detail?.configuration ?? []);
  return (
    <Table
      striped={false}
      highlightOnHover
      verticalSpacing={6}
      fz="xs"
      layout="fixed"
      aria-label="Configuration"
    >
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.key}>
            <Table.Td w="42%" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {entry.key}
            </Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
              {entry.secret && entry.value ? (
                <Group gap={4} wrap="nowrap" c="dimmed">
                  <IconLock size={12} />
                  {entry.value}
                </Group>
              ) : entry.value === null ? (
                <Text span fz="xs" c="dimmed" fs="italic">
                  null
                </Text>
              ) : entry.value === '' ? (
                <Text span fz="xs" c="dimmed" fs="italic">
                  empty
                </Text>
              ) : (
                entry.value
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface DetailBodyProps {
  summary: InstanceSummary;
  tenantName: string;
  /** The delete confirmation is open over the drawer (Escape then closes only the confirmation). */
  deleting: boolean;
  onDeletingChange(deleting: boolean): void;
}

function DetailBody({ summary, tenantName, deleting, onDeletingChange: setDeleting }: DetailBodyProps) {
  const store = useInstancesStore();
  const { detail, busy, actionError, copied } = store;
  if (!detail) return null;
  const status = statusOf(summary);
  const sideError =
    actionError && actionError.action !== 'delete' && actionError.action !== 'export'
      ? actionError.error
      : null;

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light" color={STATUS_COLOR[status]} radius="sm">
          {status}
        </Badge>
        <Code>{summary.elementKey}</Code>
        <Text size="sm" c="dimmed">
          #{summary.id} · created {formatCreated(summary.createdDate)}
        </Text>
        {summary.tags.map((tag) => (
          <Badge key={tag} variant="outline" color="gray" radius="sm" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          leftSection={<IconHeartbeat size={16} />}
          loading={busy === 'test'}
          onClick={() => void store.test()}
        >
          Test
        </Button>
        <Tooltip label={detail.tokenHint ? `Token ${detail.tokenHint}` : 'No token to copy'} withArrow>
          <Button
            size="xs"
            variant="default"
            leftSection={copied === 'token' ? <IconCheck size={16} /> : <IconCopy size={16} />}
            disabled={!detail.tokenHint}
            loading={busy === 'copy-token'}
            onClick={() => void store.copyToken()}
          >
            {copied === 'token' ? 'Token copied' : 'Copy token'}
          </Button>
        </Tooltip>
        <Button
          size="xs"
          variant="default"
          leftSection={copied === 'create-body' ? <IconCheck size={16} /> : <IconBraces size={16} />}
          loading={busy === 'copy-create-body'}
          onClick={() => void store.copyCreateBody()}
        >
          {copied === 'create-body' ? 'Create body copied' : 'Copy as create body'}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={store.startReauthenticate}
        >
          Re-authenticate
        </Button>
        <CopyToTenantMenu tenantId={detail.tenantId} ids={[summary.id]} size="xs" />
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          ml="auto"
          onClick={() => {
            store.clearActionError();
            setDeleting(true);
          }}
        >
          Delete
        </Button>
      </Group>
      <TestOutcome />
      {sideError && (
        <Alert color="red" variant="light" role="alert">
          {sideError.message}
        </Alert>
      )}
      <Tabs defaultValue="configuration" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="configuration">Configuration</Tabs.Tab>
          <Tabs.Tab value="json">JSON (redacted)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="configuration" pt="sm">
          <ConfigurationTable />
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="sm">
          <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
            <Code
              block
              fz="xs"
              data-testid="instance-json"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {JSON.stringify(detail.instance, null, 2)}
            </Code>
          </ScrollArea.Autosize>
        </Tabs.Panel>
      </Tabs>
      {deleting && (
        <DeleteInstanceModal
          opened
          instanceName={summary.name}
          tenantName={tenantName}
          busy={busy === 'delete'}
          error={actionError?.action === 'delete' ? actionError.error : null}
          onClose={() => setDeleting(false)}
          onConfirm={(confirmName) => {
            void store.remove(confirmName).then((gone) => gone && setDeleting(false));
          }}
        />
      )}
    </Stack>
  );
}

/** Memoised and subscribed to its own fields only: a keystroke in the table's filter leaves it be. */
export const InstanceDetail = memo(function InstanceDetail() {
  const { openId, detail, detailLoading, detailError, list, close } = useInstancesStore(
    useShallow((state) => ({
      openId: state.openId,
      detail: state.detail,
      detailLoading: state.detailLoading,
      detailError: state.detailError,
      list: state.list,
      close: state.close,
    })),
  );
  const summary = list?.instances.find((instance) => instance.id === openId);
  const tenantName = detail?.tenantName ?? list?.tenantName ?? '';
  const name = summary?.name ?? String(detail?.instance.name ?? '');
  /** The instance whose delete confirmation is open, so another instance never inherits it. */
  const [deletingId, setDeletingId] = useState<number | null>(null);
  const deleting = deletingId !== null && deletingId === openId;

  return (
    <Drawer
      opened={openId !== null}
      onClose={close}
      closeOnEscape={!deleting}
      position="right"
      size={760}
      padding="lg"
      styles={{ title: { flex: 1, minWidth: 0 } }}
      title={
        <Stack gap={2}>
          {/* A long name wraps (anywhere, names rarely have spaces) rather than being cut. */}
          <Text fw={600} size="lg" style={{ overflowWrap: 'anywhere' }} data-testid="instance-drawer-name">
            {name || 'Instance'}
          </Text>
          <Text size="xs" c="dimmed">
            {tenantName}
          </Text>
        </Stack>
      }
    >
      {detailLoading && (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      )}
      {detailError && (
        <Alert color="red" variant="light" role="alert">
          {detailError.message}
        </Alert>
      )}
      {detail && summary && (
        <DetailBody
          key={summary.id}
          summary={summary}
          tenantName={tenantName}
          deleting={deleting}
          onDeletingChange={(open) => setDeletingId(open ? summary.id : null)}
        />
      )}
    </Drawer>
  );
});
