// The remove confirmation: names the tenant, says exactly what is deleted from the keychain (secrets,
// saved OAuth apps, instance tokens) and what is not (the instances), and asks about the activity log.
import { useEffect, useState } from 'react';
import { Button, Checkbox, List, Modal, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { ModalFooter } from '../shell/modal-footer';
import type { AppError, TenantView } from '../../../common/contract';

interface RemoveTenantModalProps {
  tenant: TenantView | null;
  oauthAppCount: number;
  busy: boolean;
  error: AppError | null;
  /** keepActivity: the user's answer to "keep its activity log?" (checked by default). */
  onConfirm(keepActivity: boolean): void;
  onClose(): void;
}

export function RemoveTenantModal({
  tenant,
  oauthAppCount,
  busy,
  error,
  onConfirm,
  onClose,
}: RemoveTenantModalProps) {
  const [keepActivity, setKeepActivity] = useState(true);
  const tenantId = tenant?.id;
  useEffect(() => setKeepActivity(true), [tenantId]);
  return (
    <Modal
      opened={tenant !== null}
      onClose={onClose}
      title={<Text fw={600}>Remove {tenant?.name}?</Text>}
      centered
      size="md"
    >
      {tenant && (
        <Stack gap="md">
          <Text size="sm">This deletes from this computer&apos;s keychain:</Text>
          <List size="sm" spacing={4}>
            <List.Item>
              the organization and user secrets of <b>{tenant.name}</b>
            </List.Item>
            <List.Item>
              {oauthAppCount === 0
                ? 'its saved OAuth apps (it has none)'
                : `its ${oauthAppCount} saved OAuth app${oauthAppCount === 1 ? '' : 's'} and their client secrets`}
            </List.Item>
            <List.Item>the instance tokens and event signature keys kept for it</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            The instances on the platform are not touched. To use this tenant again you will need its secrets.
          </Text>
          <Checkbox
            checked={keepActivity}
            onChange={(event) => setKeepActivity(event.currentTarget.checked)}
            label={`Keep the activity log of ${tenant.name}`}
            description="What was done for this customer, and when. It holds no secret; element-auth activity can still show it."
          />
          <ModalFooter error={error} cancelLabel="Keep it" cancelFirst onCancel={onClose}>
            <Button
              color="red"
              leftSection={<IconTrash size={16} />}
              loading={busy}
              onClick={() => onConfirm(keepActivity)}
            >
              Remove tenant
            </Button>
          </ModalFooter>
        </Stack>
      )}
    </Modal>
  );
}
