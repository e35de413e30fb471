// A cancelled sign-in: nothing was created, the form is kept, and one button leads back to it.
import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import { FocusHeading } from '../shell/focus-heading';

interface FlowCancelledPanelProps {
  instanceName: string;
  restarting: boolean;
  onStartAgain(): void;
}

export function FlowCancelledPanel({ instanceName, restarting, onStartAgain }: FlowCancelledPanelProps) {
  return (
    <Stack gap="md" data-testid="flow-cancelled">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color="gray" variant="light" radius="xl" size={36}>
          <IconPlayerStop size={18} />
        </ThemeIcon>
        <FocusHeading order={2} size="h4">
          Sign-in cancelled
        </FocusHeading>
      </Group>
      <Text>
        Nothing was created for “{instanceName}”. A link the customer opens now leads nowhere. Your form is
        kept.
      </Text>
      <Group>
        <Button leftSection={<IconRefresh size={16} />} onClick={onStartAgain} loading={restarting}>
          Back to the form
        </Button>
      </Group>
    </Stack>
  );
}
