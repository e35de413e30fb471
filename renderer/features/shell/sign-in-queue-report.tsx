// The report at the end of a queue: created (with the new instance ids), skipped (why) and failed
// (the platform's reason and request id), one line each, for an import or a re-authentication run.
import { Badge, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { QueueItem, QueueStatus } from '../../stores/sign-in-queue';
import { itemName } from '../../stores/sign-in-queue';
import { useOpenedAfterMount } from './lazy-part';

export interface SignInQueueReportProps {
  items: readonly QueueItem[];
  opened: boolean;
  onClose(): void;
}

const SECTIONS: { status: QueueStatus; title: string; color: string }[] = [
  { status: 'done', title: 'Done', color: 'teal' },
  { status: 'skipped', title: 'Skipped', color: 'gray' },
  { status: 'failed', title: 'Failed', color: 'red' },
];

function what(item: QueueItem): string {
  const { outcome } = item;
  if (item.status === 'done') {
    const verb = item.kind === 'import' ? 'Created as instance' : 'Re-authenticated: instance';
    return `${verb} ${outcome?.instanceId ?? (item.kind === 'reauth' ? item.instanceId : '')}.`;
  }
  const request = outcome?.requestId ? ` (request ${outcome.requestId})` : '';
  return `${outcome?.message ?? ''}${request}`;
}

export function SignInQueueReport({ items, opened, onClose }: SignInQueueReportProps) {
  const first = items[0];
  const title =
    first?.kind === 'import' ? `Import into ${first.tenantName}: report` : 'Re-authentication: report';
  const shown = useOpenedAfterMount(opened);
  return (
    <Modal opened={shown} onClose={onClose} title={title} size="xl">
      <Stack gap="lg">
        {SECTIONS.map(({ status, title: heading, color }) => {
          const group = items.filter((item) => item.status === status);
          return (
            <Stack key={status} gap="xs">
              <Title order={3} fz="md">
                {heading}{' '}
                <Badge color={color} variant="light" tt="none">
                  {group.length}
                </Badge>
              </Title>
              {group.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  None.
                </Text>
              ) : (
                <Table aria-label={heading} verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Instance</Table.Th>
                      <Table.Th>Tenant</Table.Th>
                      <Table.Th>What happened</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.map((item, index) => (
                      <Table.Tr key={`${item.tenantId}-${itemName(item)}-${index}`}>
                        <Table.Td>{itemName(item)}</Table.Td>
                        <Table.Td>{item.tenantName}</Table.Td>
                        <Table.Td>{what(item)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Modal>
  );
}
