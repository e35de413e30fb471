// The "Re-authenticate these" queue while it lasts, on every screen: done / skipped / left, the
// instance and tenant the stepper is on, and Next, Skip and Stop. Leaving a screen keeps its place.
import { useEffect } from 'react';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { countByStatus, useReauthQueueStore } from '../../stores/reauth-queue';

export function ReauthQueueBar() {
  const { items, current, listen, next, skip, stop } = useReauthQueueStore();
  useEffect(() => listen(), [listen]);
  if (items.length === 0) return null;
  const counts = countByStatus(items);
  const item = current === null ? undefined : items[current];
  const onItem = item?.status === 'left';
  return (
    <Paper withBorder radius="md" p="sm" role="region" aria-label="Re-authentication queue">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600}>
            Re-authenticate in a row
          </Text>
          <Badge color="teal" variant="light" tt="none">{`${counts.done} done`}</Badge>
          <Badge color="gray" variant="light" tt="none">{`${counts.skipped} skipped`}</Badge>
          <Badge variant="light" tt="none">{`${counts.left} left`}</Badge>
          <Text size="sm" c="dimmed" data-testid="reauth-queue-current">
            {onItem
              ? `Now: ${item.name} on ${item.tenantName}`
              : counts.left > 0
                ? 'Ready for the next one.'
                : 'All done.'}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {counts.left > 0 && (
            <Button size="xs" variant={onItem ? 'default' : 'filled'} onClick={() => void next()}>
              {onItem ? 'Open again' : 'Next'}
            </Button>
          )}
          {onItem && (
            <Button size="xs" variant="default" onClick={() => void skip()}>
              Skip
            </Button>
          )}
          <Button size="xs" variant="subtle" color="gray" onClick={stop}>
            {counts.left > 0 ? 'Stop' : 'Close'}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
