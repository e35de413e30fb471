// The sign-in queue while it lasts, on every screen: what it is (re-authenticate, or an import into a
// tenant), done / skipped / failed / left, the instance and tenant the stepper is on, Next, Skip and
// Stop; once nothing is left, the report. Leaving a screen keeps its place; so does closing the app.
import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { countByStatus, itemName, useSignInQueueStore } from '../../stores/sign-in-queue';
import { SignInQueueReport } from '../../parts';
import { useNeededOnce } from './lazy-part';

export function SignInQueueBar() {
  const { items, current, listen, load, next, skip, stop } = useSignInQueueStore();
  const [reportOpen, setReportOpen] = useState(false);
  const reportAsked = useNeededOnce(reportOpen);
  useEffect(() => listen(), [listen]);
  useEffect(() => void load(), [load]);
  if (items.length === 0) return null;
  const counts = countByStatus(items);
  const item = current === null ? undefined : items[current];
  const onItem = item?.status === 'left';
  const first = items[0]!;
  const title = first.kind === 'import' ? `Import into ${first.tenantName}` : 'Re-authenticate in a row';
  const position = current === null ? '' : ` (${current + 1} of ${items.length})`;
  return (
    <Paper withBorder radius="md" p="sm" role="region" aria-label="Sign-in queue">
      <Group justify="space-between" gap="xs">
        <Group gap="sm" miw={0}>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {title}
          </Text>
          <Badge color="teal" variant="light" tt="none">{`${counts.done} done`}</Badge>
          <Badge color="gray" variant="light" tt="none">{`${counts.skipped} skipped`}</Badge>
          {counts.failed > 0 && (
            <Badge color="red" variant="light" tt="none">{`${counts.failed} failed`}</Badge>
          )}
          <Badge variant="light" tt="none">{`${counts.left} left`}</Badge>
          <Text size="sm" c="dimmed" truncate data-testid="sign-in-queue-current">
            {onItem
              ? `Now: ${itemName(item)} on ${item.tenantName}${position}`
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
          {counts.left === 0 && (
            <Button size="xs" onClick={() => setReportOpen(true)}>
              Show report
            </Button>
          )}
          <Button size="xs" variant="subtle" color="gray" onClick={stop}>
            {counts.left > 0 ? 'Stop' : 'Close'}
          </Button>
        </Group>
      </Group>
      {reportAsked && (
        <SignInQueueReport items={items} opened={reportOpen} onClose={() => setReportOpen(false)} />
      )}
    </Paper>
  );
}
