// The export dialog: selected or all instances, redacted by default; including secrets has to be
// confirmed by name of the tenant before main asks where to save and writes the file (0600).
import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useReturnFocusOnUnmount } from '../shell/focus';
import { ModalFooter } from '../shell/modal-footer';
import type { AppError } from '../../../common/contract';
import type { ExportScope } from '../../stores/instances';

interface ExportModalProps {
  opened: boolean;
  tenantName: string;
  selectedCount: number;
  totalCount: number;
  initialScope: ExportScope;
  busy: boolean;
  error: AppError | null;
  onExport(scope: ExportScope, includeSecrets: boolean): void;
  onClose(): void;
}

const plural = (count: number) => `${count.toLocaleString()} instance${count === 1 ? '' : 's'}`;

export function ExportModal(props: ExportModalProps) {
  const { opened, tenantName, selectedCount, totalCount, initialScope, busy, error, onExport, onClose } =
    props;
  const [scope, setScope] = useState<ExportScope>(selectedCount > 0 ? initialScope : 'all');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  useReturnFocusOnUnmount();
  const count = scope === 'all' ? totalCount : selectedCount;
  const ready = count > 0 && (!includeSecrets || confirmed);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>Export instances of {tenantName}</Text>}
      centered
      size="lg"
    >
      <Stack gap="md">
        <SegmentedControl
          value={scope}
          onChange={(value) => setScope(value as ExportScope)}
          data={[
            {
              value: 'selected',
              label: `Selected (${selectedCount.toLocaleString()})`,
              disabled: selectedCount === 0,
            },
            { value: 'all', label: `All (${totalCount.toLocaleString()})` },
          ]}
          aria-label="Which instances"
        />
        <Text size="sm" c="dimmed">
          A JSON file with {plural(count)} as the platform returns them. Tokens and secrets are replaced by
          &quot;********&quot; unless you include them.
        </Text>
        <Switch
          label="Include secrets"
          description="Instance tokens, OAuth user tokens, refresh tokens and other secrets, in clear."
          checked={includeSecrets}
          onChange={(event) => {
            setIncludeSecrets(event.currentTarget.checked);
            setConfirmed(false);
          }}
          color="red"
        />
        {includeSecrets && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="This file will hold live credentials"
          >
            <Stack gap="xs">
              <Text size="sm">
                Anyone with the file can act as these instances of {tenantName}. It is written readable by you
                only; keep it out of mail, chat and shared folders.
              </Text>
              <Checkbox
                checked={confirmed}
                onChange={(event) => setConfirmed(event.currentTarget.checked)}
                label={`Yes, include the secrets of ${tenantName} in this file`}
              />
            </Stack>
          </Alert>
        )}
        <ModalFooter error={error} onCancel={onClose}>
          <Button
            leftSection={<IconDownload size={16} />}
            color={includeSecrets ? 'red' : undefined}
            disabled={!ready}
            loading={busy}
            onClick={() => onExport(scope, includeSecrets)}
          >
            {includeSecrets ? `Export ${plural(count)} with secrets…` : `Export ${plural(count)}…`}
          </Button>
        </ModalFooter>
      </Stack>
    </Modal>
  );
}
