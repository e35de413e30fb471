// The OAuth client of step 1: a saved OAuth app of the tenant (its secret stays in the keychain),
// or a client id and secret typed in for this sign-in.
import { Select, SimpleGrid, Stack, TextInput, PasswordInput } from '@mantine/core';
import type { OAuthAppView } from '../../../common/contract';
import type { FieldErrors } from '../../models/flow-draft';

const TYPE_IN = '__type-in__';

interface OAuthClientFieldsProps {
  apps: OAuthAppView[];
  oauthAppId: string | null;
  clientId: string;
  clientSecret: string;
  errors: FieldErrors;
  onChooseApp(app: OAuthAppView | null): void;
  onChange(patch: { clientId?: string; clientSecret?: string }): void;
}

export function OAuthClientFields(props: OAuthClientFieldsProps) {
  const { apps, oauthAppId, clientId, clientSecret, errors, onChooseApp, onChange } = props;
  const chosen = apps.find((app) => app.id === oauthAppId);
  return (
    <Stack gap="sm">
      {apps.length > 0 && (
        <Select
          label="OAuth app"
          description="A saved app of this tenant, or type a client id and secret for this sign-in."
          data={[
            ...apps.map((app) => ({ value: app.id, label: `${app.name} · ${app.clientId}` })),
            { value: TYPE_IN, label: 'Type a client id and secret' },
          ]}
          value={chosen ? chosen.id : TYPE_IN}
          onChange={(value) => onChooseApp(apps.find((app) => app.id === value) ?? null)}
          allowDeselect={false}
        />
      )}
      {chosen ? (
        <SimpleGrid cols={2} spacing="md">
          <TextInput label="Client id" value={chosen.clientId} readOnly />
          <TextInput
            label="Client secret"
            value={chosen.clientSecretHint}
            readOnly
            description="In the keychain"
          />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label="OAuth client id"
            description="From the vendor’s API console."
            value={clientId}
            onChange={(event) => onChange({ clientId: event.currentTarget.value })}
            error={errors.clientId}
            required
            spellCheck={false}
            autoComplete="off"
          />
          <PasswordInput
            label="OAuth client secret"
            description="Sent to the platform, never shown again."
            value={clientSecret}
            onChange={(event) => onChange({ clientSecret: event.currentTarget.value })}
            error={errors.clientSecret}
            required
            autoComplete="off"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
