// The delete confirmation: names the tenant and asks to type the instance name before main deletes
// the instance on the platform and its token in the keychain.
import { useState } from 'react';
import { Button, Code, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useReturnFocusOnUnmount } from '../shell/focus';
import { ModalFooter } from '../shell/modal-footer';
import type { AppError } from '../../../common/contract';

interface DeleteInstanceModalProps {
  opened: boolean;
  instanceName: string;
  tenantName: string;
  busy: boolean;
  error: AppError | null;
  onConfirm(confirmName: string): void;
  onClose(): void;
}

export function DeleteInstanceModal(props: DeleteInstanceModalProps) {
  const { opened, instanceName, tenantName, busy, error, onConfirm, onClose } = props;
  const [typed, setTyped] = useState('');
  useReturnFocusOnUnmount();
  const matches = typed.trim() === instanceName.trim();
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={600}>Delete this instance from {tenantName}?</Text>}
      centered
      size="md"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) onConfirm(typed);
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            <b>{instanceName}</b> will be deleted from the platform of <b>{tenantName}</b>, and its token
            removed from this computer&apos;s keychain. Integrations that use it stop working. This cannot be
            undone.
          </Text>
          <TextInput
            label={
              <>
                Type <Code>{instanceName}</Code> to confirm
              </>
            }
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            aria-label="Instance name to confirm"
          />
          <ModalFooter error={error} cancelLabel="Keep it" onCancel={close}>
            <Button
              type="submit"
              color="red"
              leftSection={<IconTrash size={16} />}
              disabled={!matches}
              loading={busy}
            >
              Delete from {tenantName}
            </Button>
          </ModalFooter>
        </Stack>
      </form>
    </Modal>
  );
}
