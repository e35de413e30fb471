// Join a tenant a teammate shared: the shared file (picked or pasted; it holds no secret) and this
// computer's copy of the team store. Main reads every entry before adding it, and says why not.
import { Button, FileButton, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import type { AppError } from '../../../common/contract';
import { ModalFooter } from '../shell/modal-footer';
import { useDraftForm } from '../shell/use-draft-form';

interface JoinDraft {
  document: string;
  dir: string;
}

type JoinErrors = Partial<Record<keyof JoinDraft, string>>;

const validateJoin = (draft: JoinDraft): JoinErrors =>
  draft.document.trim() ? {} : { document: 'Choose or paste the shared tenant file.' };

interface JoinTenantModalProps {
  opened: boolean;
  busy: boolean;
  error: AppError | null;
  /** Resolves true when main added the tenant. */
  onJoin(document: string, dir: string): Promise<boolean>;
  onClose(): void;
}

export function JoinTenantModal(props: JoinTenantModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>Join a shared tenant</Text>}
      centered
      size="lg"
    >
      {props.opened && <JoinForm {...props} />}
    </Modal>
  );
}

function JoinForm({ busy, error, onJoin, onClose }: JoinTenantModalProps) {
  const { draft, change, errors, check, formProps } = useDraftForm<JoinDraft, JoinErrors>(
    () => ({ document: '', dir: '' }),
    validateJoin,
  );
  async function submit() {
    if (check() && (await onJoin(draft.document, draft.dir))) onClose();
  }
  return (
    <form {...formProps('Join a shared tenant', submit)}>
      <Stack gap="md">
        <Text size="sm">
          A teammate shares a tenant whose secrets live in your team&apos;s password store. The file holds
          where they are, never a secret; your key must be among the store&apos;s recipients.
        </Text>
        <Group gap="sm">
          <FileButton
            accept="application/json,.json"
            onChange={(file) => void file?.text().then((document) => change({ document }))}
          >
            {(button) => (
              <Button {...button} variant="default" leftSection={<IconFileImport size={16} />}>
                Choose the file…
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            or paste it below
          </Text>
        </Group>
        <Textarea
          label="Shared tenant file"
          value={draft.document}
          onChange={(event) => change({ document: event.currentTarget.value })}
          error={errors.document}
          autosize
          minRows={3}
          maxRows={8}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-autofocus
        />
        <TextInput
          label="Store folder"
          description="Your copy (a git clone) of the team's pass store. Empty: PASSWORD_STORE_DIR, else ~/.password-store."
          placeholder="~/.password-store"
          value={draft.dir}
          onChange={(event) => change({ dir: event.currentTarget.value })}
          spellCheck={false}
          autoComplete="off"
        />
        <ModalFooter error={error} onCancel={onClose}>
          <Button type="submit" loading={busy}>
            Join tenant
          </Button>
        </ModalFooter>
      </Stack>
    </form>
  );
}
