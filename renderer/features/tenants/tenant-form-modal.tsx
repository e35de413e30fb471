// The add / edit tenant form in a modal: name, environment (or a custom platform URL), colour and
// the two secrets. Secrets are never prefilled: an edit shows their hints, and empty keeps them.
import {
  Button,
  Checkbox,
  Modal,
  PasswordInput,
  SegmentedControl,
  Input,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { ModalFooter } from '../shell/modal-footer';
import type { AppError, TenantAdd, TenantUpdate, TenantView } from '../../../common/contract';
import { ENVIRONMENT_OPTIONS } from '../../../common/environments';
import { TenantColorPicker } from './tenant-color-picker';
import {
  draftOf,
  emptyTenantDraft,
  toTenantAdd,
  toTenantUpdate,
  validateTenantDraft,
  type TenantDraft,
  type TenantFieldErrors,
} from './tenant-form-model';
import { useDraftForm } from '../shell/use-draft-form';

interface TenantFormModalProps {
  opened: boolean;
  /** The tenant being edited, or null to add one. */
  tenant: TenantView | null;
  tenants: TenantView[];
  busy: boolean;
  error: AppError | null;
  /** Resolves true when main saved it (the modal then closes and forgets what was typed). */
  onAdd(input: TenantAdd, verify: boolean): Promise<boolean>;
  onUpdate(input: TenantUpdate, verify: boolean): Promise<boolean>;
  onClose(): void;
}

export function TenantFormModal(props: TenantFormModalProps) {
  const { opened, tenant, onClose } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{tenant ? `Edit ${tenant.name}` : 'Add a tenant'}</Text>}
      centered
      size="lg"
    >
      {opened && <TenantForm key={tenant?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function TenantForm({ tenant, tenants, busy, error, onAdd, onUpdate, onClose }: TenantFormModalProps) {
  const { draft, setDraft, change, errors, check, formProps } = useDraftForm<TenantDraft, TenantFieldErrors>(
    () => (tenant ? draftOf(tenant) : emptyTenantDraft()),
    (current) => validateTenantDraft(current, tenants, tenant),
  );

  async function submit() {
    if (!check()) return;
    const saved = tenant
      ? await onUpdate(toTenantUpdate(draft, tenant), draft.verify)
      : await onAdd(toTenantAdd(draft), draft.verify);
    if (saved) {
      setDraft((current) => ({ ...current, orgSecret: '', userSecret: '' }));
      onClose();
    }
  }

  const secretHome =
    draft.secretsIn === 'team'
      ? 'Encrypted into the team store for its recipients, never on disk in clear.'
      : 'Kept in your system keychain, never on disk.';
  const keep = (hint: string) =>
    hint ? `Stored: ${hint}. Leave empty to keep it.` : 'Leave empty to keep it.';
  return (
    <form {...formProps(tenant ? `Edit ${tenant.name}` : 'Add a tenant', submit)}>
      <Stack gap="md">
        <TextInput
          label="Name"
          description="The customer and environment, as you want to see it in the header."
          value={draft.name}
          onChange={(event) => change({ name: event.currentTarget.value })}
          error={errors.name}
          required
          data-autofocus
          autoComplete="off"
        />
        <Input.Wrapper label="Environment" description="The Cloud Elements platform this tenant lives on.">
          <SegmentedControl
            mt={6}
            fullWidth
            data={ENVIRONMENT_OPTIONS}
            value={draft.environment}
            onChange={(value) => change({ environment: value as TenantDraft['environment'] })}
            aria-label="Environment"
          />
        </Input.Wrapper>
        {draft.environment === 'custom' && (
          <TextInput
            label="Platform URL"
            description="https, or plain http only to this computer (127.0.0.1)."
            placeholder="https://ce.example.com/elements/api-v2"
            value={draft.customUrl}
            onChange={(event) => change({ customUrl: event.currentTarget.value })}
            error={errors.customUrl}
            required
            spellCheck={false}
            autoComplete="off"
          />
        )}
        <TenantColorPicker value={draft.color} onChange={(color) => change({ color })} />
        {!tenant && (
          <Input.Wrapper
            label="Where the secrets live"
            description="A team password store (pass) lets teammates share this customer's secrets."
          >
            <SegmentedControl
              mt={6}
              fullWidth
              data={[
                { value: 'keychain', label: "This computer's keychain" },
                { value: 'team', label: 'Team password store' },
              ]}
              value={draft.secretsIn}
              onChange={(value) => change({ secretsIn: value as TenantDraft['secretsIn'] })}
              aria-label="Where the secrets live"
            />
          </Input.Wrapper>
        )}
        {!tenant && draft.secretsIn === 'team' && (
          <>
            <TextInput
              label="Store folder"
              description="This computer's copy (a git clone) of the team's pass store."
              value={draft.storeDir}
              onChange={(event) => change({ storeDir: event.currentTarget.value })}
              error={errors.storeDir}
              required
              spellCheck={false}
              autoComplete="off"
            />
            <TextInput
              label="Entry path"
              description="Where this tenant's entries go in the store."
              placeholder="customers/acme"
              value={draft.storeEntry}
              onChange={(event) => change({ storeEntry: event.currentTarget.value })}
              error={errors.storeEntry}
              required
              spellCheck={false}
              autoComplete="off"
            />
          </>
        )}
        {tenant?.teamStore && (
          <Text size="sm" c="dimmed">
            Secrets live in the team store {tenant.teamStore.dir}, under {tenant.teamStore.entry}: a new
            secret is pushed there for the team.
          </Text>
        )}
        <PasswordInput
          label="Organization secret"
          description={tenant ? keep(tenant.orgSecretHint) : secretHome}
          value={draft.orgSecret}
          onChange={(event) => change({ orgSecret: event.currentTarget.value })}
          error={errors.orgSecret}
          required={!tenant}
          autoComplete="off"
          spellCheck={false}
        />
        <PasswordInput
          label="User secret"
          description={tenant ? keep(tenant.userSecretHint) : secretHome}
          value={draft.userSecret}
          onChange={(event) => change({ userSecret: event.currentTarget.value })}
          error={errors.userSecret}
          required={!tenant}
          autoComplete="off"
          spellCheck={false}
        />
        <Checkbox
          label="Check the secrets with the platform after saving"
          checked={draft.verify}
          onChange={(event) => change({ verify: event.currentTarget.checked })}
        />
        <ModalFooter error={error} onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {tenant ? 'Save changes' : 'Add tenant'}
          </Button>
        </ModalFooter>
      </Stack>
    </form>
  );
}
