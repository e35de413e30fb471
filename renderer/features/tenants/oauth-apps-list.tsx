// A tenant's saved OAuth apps: name, client id, callback and the client secret's hint, with edit
// and remove (the confirmation names the app and the tenant).
import { useState } from 'react';
import { ActionIcon, Alert, Button, Code, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { AppError, OAuthAppView } from '../../../common/contract';

interface OAuthAppsListProps {
  tenantName: string;
  apps: OAuthAppView[];
  removing: boolean;
  removeError: AppError | null;
  onAdd(): void;
  onEdit(app: OAuthAppView): void;
  onRemove(app: OAuthAppView): Promise<boolean>;
}

export function OAuthAppsList(props: OAuthAppsListProps) {
  const { tenantName, apps, removing, removeError, onAdd, onEdit, onRemove } = props;
  const [confirming, setConfirming] = useState<OAuthAppView | null>(null);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Saved OAuth apps
        </Text>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={onAdd}>
          Save an OAuth app
        </Button>
      </Group>
      {apps.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Save a client id and secret once, then pick it in step 1.
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label={`OAuth apps of ${tenantName}`}>
          <Table.Tbody>
            {apps.map((app) => (
              <Table.Tr key={app.id}>
                <Table.Td fw={500}>{app.name}</Table.Td>
                <Table.Td>
                  <Code>{app.clientId}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" c="dimmed" truncate maw={260}>
                    {app.callbackUrl}
                  </Text>
                </Table.Td>
                <Table.Td c="dimmed">{app.clientSecretHint}</Table.Td>
                <Table.Td w={80}>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Edit">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Edit ${app.name}`}
                        onClick={() => onEdit(app)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Remove">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${app.name}`}
                        onClick={() => setConfirming(app)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={
          <Text fw={600}>
            Remove {confirming?.name} from {tenantName}?
          </Text>
        }
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            The app and its client secret are deleted from this computer&apos;s keychain. Instances created
            with it keep working.
          </Text>
          {removeError && (
            <Alert color="red" variant="light" role="alert">
              {removeError.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={removing}
              onClick={() => {
                if (confirming) void onRemove(confirming).then((gone) => gone && setConfirming(null));
              }}
            >
              Remove {confirming?.name}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
