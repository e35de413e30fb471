// The optional events settings of step 3, folded by default: on/off, polling or webhook, refresh
// interval, the poller configuration JSON (with the Zoho CRM example), callback URL, signature key.
import { useState } from 'react';
import {
  Button,
  Collapse,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { EventsDraft, FieldErrors } from '../../models/flow-draft';

interface EventsSectionProps {
  events: EventsDraft;
  errors: FieldErrors;
  /** The label of the example button, when the element has a poller example. */
  exampleLabel?: string;
  onChange(patch: Partial<EventsDraft>): void;
  onUseExample(): void;
}

function summary(events: EventsDraft): string {
  if (!events.enabled) return 'Off';
  if (events.vendorType === 'webhook') return 'Webhook';
  return `Polling every ${events.refreshIntervalMinutes || '?'} min`;
}

export function EventsSection({ events, errors, exampleLabel, onChange, onUseExample }: EventsSectionProps) {
  const [open, setOpen] = useState(false);
  const hasErrors = Object.keys(errors).some((key) => key.startsWith('events.'));
  const expanded = open || hasErrors;
  return (
    <Paper withBorder radius="md">
      <UnstyledButton
        onClick={() => setOpen(!expanded)}
        w="100%"
        px="md"
        py="sm"
        aria-expanded={expanded}
        aria-controls="events-settings"
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            <Text fw={600} fz="sm">
              Events
            </Text>
            <Text fz="sm" c="dimmed">
              optional
            </Text>
          </Group>
          <Text fz="sm" c={events.enabled ? undefined : 'dimmed'} data-testid="events-summary">
            {summary(events)}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={expanded} id="events-settings">
        <Stack gap="md" px="md" pb="md">
          <Switch
            label="Send event notifications"
            description="The platform watches the vendor for changes and notifies your callback."
            checked={events.enabled}
            onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
          />
          {events.enabled && (
            <>
              <SimpleGrid cols={2} spacing="md">
                <Stack gap={4}>
                  <Text fz="sm" fw={500}>
                    How changes are found
                  </Text>
                  <SegmentedControl
                    value={events.vendorType}
                    onChange={(value) =>
                      onChange({ vendorType: value === 'webhook' ? 'webhook' : 'polling' })
                    }
                    data={[
                      { value: 'polling', label: 'Polling' },
                      { value: 'webhook', label: 'Webhook' },
                    ]}
                  />
                </Stack>
                {/* A plain numeric field: NumberInput's formatting library is not worth the first screen's weight. */}
                <TextInput
                  label="Refresh interval (minutes)"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  value={String(events.refreshIntervalMinutes)}
                  onChange={(event) => onChange({ refreshIntervalMinutes: event.currentTarget.value.trim() })}
                  error={errors['events.refreshIntervalMinutes']}
                />
              </SimpleGrid>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-end">
                  <Text fz="sm" fw={500}>
                    Poller configuration (JSON)
                  </Text>
                  {exampleLabel && (
                    <Button variant="subtle" size="compact-sm" onClick={onUseExample}>
                      {exampleLabel}
                    </Button>
                  )}
                </Group>
                <Textarea
                  aria-label="Poller configuration (JSON)"
                  description="resource → { url, idField, datesConfiguration }"
                  value={events.pollerConfiguration}
                  onChange={(event) => onChange({ pollerConfiguration: event.currentTarget.value })}
                  error={errors['events.pollerConfiguration']}
                  autosize
                  minRows={5}
                  maxRows={14}
                  spellCheck={false}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                />
              </Stack>
              <SimpleGrid cols={2} spacing="md">
                <TextInput
                  label="Notification callback URL"
                  description="Where the platform sends the events."
                  placeholder="https://…"
                  value={events.notificationCallbackUrl}
                  onChange={(event) => onChange({ notificationCallbackUrl: event.currentTarget.value })}
                  error={errors['events.notificationCallbackUrl']}
                  spellCheck={false}
                />
                <PasswordInput
                  label="Signature key"
                  description="Kept in the keychain."
                  value={events.signatureKey}
                  onChange={(event) => onChange({ signatureKey: event.currentTarget.value })}
                  autoComplete="off"
                />
              </SimpleGrid>
            </>
          )}
        </Stack>
      </Collapse>
    </Paper>
  );
}
