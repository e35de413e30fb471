// The grant code's 2-minute lifetime as a ring that runs down, with the time left in its middle;
// screen readers hear it at 60 s, 30 s and expiry.
import { RingProgress, Stack, Text } from '@mantine/core';
import { useCountdownAnnouncements } from './flow-announcements';
import { formatTimeLeft, useTimeLeft } from './use-time-left';

const CODE_LIFETIME_MS = 120_000;

interface CodeCountdownProps {
  /** Epoch ms when the grant code dies. */
  expiresAt: number;
}

export function CodeCountdown({ expiresAt }: CodeCountdownProps) {
  const left = useTimeLeft(expiresAt);
  useCountdownAnnouncements(left);
  const share = Math.min(100, (left / CODE_LIFETIME_MS) * 100);
  const color = left > 60_000 ? 'teal' : left > 20_000 ? 'yellow' : 'red';
  return (
    <RingProgress
      size={132}
      thickness={10}
      roundCaps
      sections={[{ value: share, color }]}
      aria-label="Time left for the grant code"
      label={
        <Stack gap={0} align="center">
          <Text fw={600} fz="xl" ff="monospace" data-testid="code-time-left">
            {formatTimeLeft(left)}
          </Text>
          <Text fz="xs" c="dimmed">
            code lifetime
          </Text>
        </Stack>
      }
    />
  );
}
