// Base URLs of a generic (non-Zoho) OAuth 2 element: optional configuration values the user
// supplies when the element needs them, e.g. oauth.base.url and api.base.url.
import { SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../models/flow-draft';

interface ElementConfigurationFieldsProps {
  keys: string[];
  values: Record<string, string>;
  errors: FieldErrors;
  onChange(values: Record<string, string>): void;
}

export function ElementConfigurationFields({
  keys,
  values,
  errors,
  onChange,
}: ElementConfigurationFieldsProps) {
  if (keys.length === 0) return null;
  return (
    <SimpleGrid cols={2} spacing="md">
      {keys.map((key) => (
        <TextInput
          key={key}
          label={key}
          description="Optional, if the element needs it."
          placeholder="https://…"
          value={values[key] ?? ''}
          onChange={(event) => onChange({ ...values, [key]: event.currentTarget.value })}
          error={errors[`configuration.${key}`]}
          spellCheck={false}
          styles={{ label: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      ))}
    </SimpleGrid>
  );
}
