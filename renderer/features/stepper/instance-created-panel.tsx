// Step 3 done: the created (or re-authenticated) instance — id, name, element, created date, data
// center, the masked token with a Copy button main handles — and what to do next.
import type { ReactNode } from 'react';
import { Button, DataList, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCopy, IconListDetails, IconPlus } from '@tabler/icons-react';
import type { AppError, InstanceCreated } from '../../../common/contract';
import { ActionErrorAlert } from './action-error-alert';
import { FocusHeading } from '../shell/focus-heading';

interface InstanceCreatedPanelProps {
  instance: InstanceCreated;
  tenantName: string;
  reauthenticated: boolean;
  /** The Zoho data center in words, when there is one. */
  dataCenter?: string;
  tokenCopied: boolean;
  copyError: AppError | null;
  onCopyToken(): void;
  onSeeInstances(): void;
  onStartAnother(): void;
}

function formatDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

export function InstanceCreatedPanel(props: InstanceCreatedPanelProps) {
  const { instance, tenantName, reauthenticated, dataCenter, tokenCopied, copyError } = props;
  return (
    <Stack gap="lg" data-testid="instance-created">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color="teal" radius="xl" size={36}>
          <IconCheck size={20} />
        </ThemeIcon>
        <Stack gap={0}>
          <FocusHeading order={2} size="h4">
            “{instance.name}” is {reauthenticated ? 're-authenticated' : 'ready'}
          </FocusHeading>
          <Text fz="sm" c="dimmed">
            {reauthenticated ? 'Re-authenticated' : 'Created'} for {tenantName}. Its token is in your
            keychain.
          </Text>
        </Stack>
      </Group>
      <DataList withDivider labelWidth="140px">
        <Row label="Instance id">
          <Text ff="monospace" fz="sm" data-testid="instance-id">
            {instance.id}
          </Text>
        </Row>
        <Row label="Name">{instance.name}</Row>
        <Row label="Element">
          <Text ff="monospace" fz="sm">
            {instance.elementKey}
          </Text>
        </Row>
        <Row label="Created">{formatDate(instance.createdDate)}</Row>
        {dataCenter && <Row label="Data center">{dataCenter}</Row>}
        <Row label="Token">
          <Group gap="xs" wrap="nowrap">
            <Text ff="monospace" fz="sm" data-testid="token-hint">
              {instance.tokenHint}
            </Text>
            <Button
              variant="light"
              size="compact-xs"
              leftSection={tokenCopied ? <IconCheck size={12} /> : <IconCopy size={12} />}
              onClick={props.onCopyToken}
            >
              {tokenCopied ? 'Copied' : 'Copy token'}
            </Button>
          </Group>
        </Row>
      </DataList>
      {copyError && <ActionErrorAlert title="The token could not be copied" error={copyError} />}
      <Group gap="sm">
        <Button leftSection={<IconListDetails size={16} />} onClick={props.onSeeInstances}>
          Test it in Instances
        </Button>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={props.onStartAnother}>
          Start another
        </Button>
      </Group>
    </Stack>
  );
}
