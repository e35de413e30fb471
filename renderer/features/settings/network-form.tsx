// The network settings form: proxy mode (system, none, manual URL with a login whose password goes
// to the keychain) and an extra CA file to trust; saved and applied by main.
import { Alert, Button, Checkbox, Group, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { NetworkSettings, ProxyMode } from '../../../common/contract';
import { useSettingsStore } from '../../stores/settings';
import { useDraftForm } from '../shell/use-draft-form';
import { draftOf, PROXY_MODES, saveInputOf, validateNetwork, type NetworkDraft } from './network-form-model';

export function NetworkForm({ settings }: { settings: NetworkSettings }) {
  const { save, saving, saveError, saved, edited } = useSettingsStore();
  const { draft, change, errors, check, formProps } = useDraftForm(() => draftOf(settings), validateNetwork);
  const update = (patch: Partial<NetworkDraft>) => {
    edited();
    change(patch);
  };
  const submit = async () => {
    if (!check()) return;
    if (await save(saveInputOf(draft))) change({ proxyPassword: '', clearProxyPassword: false });
  };
  const manual = draft.proxyMode === 'manual';
  return (
    <form {...formProps('Network settings', submit)}>
      <Stack gap="md">
        <Radio.Group
          label="Proxy"
          value={draft.proxyMode}
          onChange={(value) => update({ proxyMode: value as ProxyMode })}
        >
          <Stack gap="xs" mt="xs">
            {PROXY_MODES.map((mode) => (
              <Radio key={mode.value} value={mode.value} label={mode.label} description={mode.hint} />
            ))}
          </Stack>
        </Radio.Group>
        {manual && (
          <Stack gap="sm" pl="lg">
            <TextInput
              label="Proxy URL"
              placeholder="http://proxy.example.com:8080"
              value={draft.proxyUrl}
              onChange={(event) => update({ proxyUrl: event.currentTarget.value })}
              error={errors.proxyUrl}
              required
            />
            <TextInput
              label="Proxy user name"
              description="Only if the proxy asks for a login."
              value={draft.proxyUsername}
              onChange={(event) => update({ proxyUsername: event.currentTarget.value })}
            />
            <PasswordInput
              label="Proxy password"
              description={
                settings.hasProxyPassword
                  ? 'A password is stored in the keychain; leave this empty to keep it.'
                  : 'Stored in the keychain, never in a file.'
              }
              value={draft.proxyPassword}
              onChange={(event) => update({ proxyPassword: event.currentTarget.value })}
              autoComplete="off"
            />
            {settings.hasProxyPassword && (
              <Checkbox
                label="Remove the stored proxy password"
                checked={draft.clearProxyPassword}
                onChange={(event) => update({ clearProxyPassword: event.currentTarget.checked })}
              />
            )}
          </Stack>
        )}
        <TextInput
          label="Extra CA file"
          description="A PEM file with your company's root certificate, when it inspects TLS. Leave empty if not."
          placeholder="/path/to/company-root.pem"
          value={draft.extraCaFile}
          onChange={(event) => update({ extraCaFile: event.currentTarget.value })}
        />
        {saveError && (
          <Alert color="red" variant="light" role="alert" title="The settings were not saved">
            {saveError.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            Save
          </Button>
          {saved && (
            <Text size="sm" c="teal" role="status">
              Saved. Platform calls use these settings now.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
