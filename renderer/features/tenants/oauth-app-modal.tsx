// The add / edit form of a saved OAuth app of one tenant; the client secret is typed, never shown
// (an edit shows its hint, and empty keeps it).
import { Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { ModalFooter } from '../shell/modal-footer';
import type { AppError, OAuthAppSave, OAuthAppView } from '../../../common/contract';
import {
  emptyOAuthAppDraft,
  oauthAppDraftOf,
  toOAuthAppSave,
  validateOAuthAppDraft,
  type OAuthAppDraft,
  type OAuthAppFieldErrors,
} from './oauth-app-model';
import { useDraftForm } from '../shell/use-draft-form';

interface OAuthAppModalProps {
  opened: boolean;
  tenantId: string;
  tenantName: string;
  app: OAuthAppView | null;
  apps: OAuthAppView[];
  busy: boolean;
  error: AppError | null;
  onSave(input: OAuthAppSave): Promise<boolean>;
  onClose(): void;
}

export function OAuthAppModal(props: OAuthAppModalProps) {
  const { opened, app, tenantName, onClose } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{app ? `Edit ${app.name}` : `Save an OAuth app for ${tenantName}`}</Text>}
      centered
      size="lg"
    >
      {opened && <OAuthAppForm key={app?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function OAuthAppForm({ tenantId, app, apps, busy, error, onSave, onClose }: OAuthAppModalProps) {
  const { draft, change, errors, check, formProps } = useDraftForm<OAuthAppDraft, OAuthAppFieldErrors>(
    () => (app ? oauthAppDraftOf(app) : emptyOAuthAppDraft()),
    (current) => validateOAuthAppDraft(current, apps, app),
  );

  async function submit() {
    if (!check()) return;
    if (await onSave(toOAuthAppSave(draft, tenantId, app))) onClose();
  }

  return (
    <form {...formProps(app ? `Edit ${app.name}` : 'Save an OAuth app', submit)}>
      <Stack gap="md">
        <TextInput
          label="Name"
          value={draft.name}
          onChange={(event) => change({ name: event.currentTarget.value })}
          error={errors.name}
          required
          data-autofocus
          autoComplete="off"
        />
        <TextInput
          label="Client id"
          value={draft.clientId}
          onChange={(event) => change({ clientId: event.currentTarget.value })}
          error={errors.clientId}
          required
          spellCheck={false}
          autoComplete="off"
        />
        <PasswordInput
          label="Client secret"
          description={
            app
              ? `Stored: ${app.clientSecretHint || '••••'}. Leave empty to keep it.`
              : 'Kept in your system keychain.'
          }
          value={draft.clientSecret}
          onChange={(event) => change({ clientSecret: event.currentTarget.value })}
          error={errors.clientSecret}
          required={!app}
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput
          label="Default callback URL"
          description="Registered with the vendor; step 3 repeats it exactly."
          value={draft.callbackUrl}
          onChange={(event) => change({ callbackUrl: event.currentTarget.value })}
          error={errors.callbackUrl}
          required
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput
          label="Scope"
          description="Optional; the element's default scope is used when empty."
          value={draft.scope}
          onChange={(event) => change({ scope: event.currentTarget.value })}
          spellCheck={false}
          autoComplete="off"
        />
        <ModalFooter error={error} onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {app ? 'Save changes' : 'Save OAuth app'}
          </Button>
        </ModalFooter>
      </Stack>
    </form>
  );
}
