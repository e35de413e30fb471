// Step 3 in progress: the platform is creating the instance with the grant code, and the code's
// 2-minute lifetime runs down beside it.
import { Group, Loader, Stack, Text } from '@mantine/core';
import { CodeCountdown } from './code-countdown';
import { FocusHeading } from '../shell/focus-heading';

interface CreatingPanelProps {
  instanceName: string;
  codeExpiresAt: number;
  /** The Zoho data center the code belongs to, in words, when there is one. */
  dataCenter?: string;
}

export function CreatingPanel({ instanceName, codeExpiresAt, dataCenter }: CreatingPanelProps) {
  return (
    <Group gap="xl" wrap="nowrap" align="center" data-testid="creating-panel">
      <CodeCountdown expiresAt={codeExpiresAt} />
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" />
          <FocusHeading order={2} size="h4">
            Creating “{instanceName}”
          </FocusHeading>
        </Group>
        <Text>
          The customer signed in. The platform is exchanging the grant code for tokens now; a code lives two
          minutes, so this happens at once.
        </Text>
        {dataCenter && (
          <Text fz="sm" c="dimmed">
            Zoho data center: {dataCenter}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
