// The callback URL and its three doors (this app, a one-time local listener, paste back), each
// explained in one line; picking a door fills an example URL the user then matches to the vendor's.
import { Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  APP_CALLBACK_URL,
  callbackDoorOf,
  LOOPBACK_CALLBACK_EXAMPLE,
  type CallbackDoor,
} from '../../../common/urls';

const DOORS: { door: CallbackDoor; title: string; line: string; example: string }[] = [
  {
    door: 'protocol',
    title: 'This app catches it',
    line: 'The browser hands the sign-in straight back to the app.',
    example: APP_CALLBACK_URL,
  },
  {
    door: 'loopback',
    title: 'A local listener catches it',
    line: 'A one-time listener on this computer takes the answer, then closes.',
    example: 'http://127.0.0.1:PORT/…',
  },
  {
    door: 'paste',
    title: 'You paste it back',
    line: 'Any https URL: copy the address the browser lands on into the app.',
    example: 'https://…',
  },
];

interface CallbackDoorFieldProps {
  value: string;
  error?: string;
  /** Set when a saved OAuth app provides the URL: the field is then read-only. */
  fromApp?: string;
  onChange(value: string): void;
}

function exampleFor(door: CallbackDoor, current: string): string {
  if (callbackDoorOf(current) === door) return current;
  if (door === 'protocol') return APP_CALLBACK_URL;
  if (door === 'loopback') return LOOPBACK_CALLBACK_EXAMPLE;
  return 'https://';
}

export function CallbackDoorField({ value, error, fromApp, onChange }: CallbackDoorFieldProps) {
  const door = callbackDoorOf(value);
  return (
    <Stack gap="xs">
      <TextInput
        label="Callback URL"
        description={
          fromApp
            ? `From the saved OAuth app “${fromApp}”.`
            : 'Exactly the redirect URL registered in the vendor’s console. It decides how the sign-in comes back:'
        }
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        readOnly={Boolean(fromApp)}
        required
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        spellCheck={false}
      />
      <Radio.Group
        value={door ?? null}
        onChange={(next) => onChange(exampleFor(next as CallbackDoor, value))}
        aria-label="How the sign-in comes back"
        readOnly={Boolean(fromApp)}
      >
        <SimpleGrid cols={3} spacing="sm">
          {DOORS.map((item) => (
            <Radio.Card
              key={item.door}
              value={item.door}
              p="sm"
              radius="md"
              disabled={Boolean(fromApp)}
              h="100%"
              style={{ display: 'flex', alignItems: 'flex-start' }}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Radio.Indicator size="sm" mt={2} />
                <Stack gap={2}>
                  <Text fz="sm" fw={600}>
                    {item.title}
                  </Text>
                  <Text fz="xs" c="dimmed" lh={1.4}>
                    {item.line}
                  </Text>
                  <Text fz="xs" ff="monospace" c="dimmed">
                    {item.example}
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
    </Stack>
  );
}
