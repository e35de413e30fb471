// One instance of the import plan: its name on the target (editable), element, what carries over and
// what does not (a summary, and every key with its value or reason one button away), create or skip.
import { Fragment, useEffect, useId, useState } from 'react';
import { Badge, Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ImportItem, NotCarriedReason } from '../../../common/contract';
import { useImportPlanStore } from '../../stores/import-plan';

const REASONS: Record<NotCarriedReason, string> = {
  secret: 'secrets',
  'oauth-client': 'OAuth client',
  'data-center': 'data center',
  'platform-managed': 'platform-managed keys',
};

/** "secrets (2), OAuth client (4)": what stays behind, by reason. */
function notCarried(item: ImportItem): string {
  const counts = new Map<NotCarriedReason, number>();
  for (const { reason } of item.notCarried) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${REASONS[reason]} (${n})`).join(', ') || 'nothing';
}

function carries(item: ImportItem): string {
  const settings = Object.keys(item.configuration).length + Object.keys(item.events).length;
  const events = item.events['event.notification.enabled'] === 'true' ? 'events on' : 'events off';
  const tags = item.tags.length > 0 ? ` · tags ${item.tags.join(', ')}` : '';
  return `${settings} settings · ${events}${tags}`;
}

/** The attribute that says which item of the plan a table row (or its settings row) belongs to. */
export const PLAN_INDEX = 'data-plan-index';

interface PlanRowProps {
  item: ImportItem;
  /** The item's place in the plan. */
  index: number;
  busy: boolean;
  /** Whether the row shows every key below it (kept by the table, so it survives scrolling away). */
  open: boolean;
  onToggle(sourceId: number): void;
  /** The ref for the row's element(s), so the table knows how tall the row is. */
  measure: (element: HTMLElement | null) => () => void;
}

export function PlanRow({ item, index, busy, open, onToggle, measure }: PlanRowProps) {
  const rename = useImportPlanStore((state) => state.rename);
  const [name, setName] = useState(item.targetName);
  // A new plan names the instance anew (a free name, or main's trim of what was typed).
  useEffect(() => setName(item.targetName), [item.targetName]);
  const details = useId();
  const commit = (value: string) => {
    if (value.trim() !== item.targetName) void rename(item.sourceId, value);
  };
  return (
    <Fragment>
      <Table.Tr ref={measure} {...{ [PLAN_INDEX]: index }}>
        <Table.Td miw={200}>
          {/* The same field through every new plan (never re-keyed or disabled), so the focus stays in it. */}
          <TextInput
            aria-label={`Name on the target for “${item.sourceName}”`}
            value={name}
            readOnly={busy}
            onChange={(event) => setName(event.currentTarget.value)}
            onBlur={() => commit(name)}
            onKeyDown={(event) => event.key === 'Enter' && commit(name)}
          />
          {item.sourceName !== item.targetName && (
            <Text fz="xs" c="dimmed" mt={4}>
              was “{item.sourceName}”
            </Text>
          )}
        </Table.Td>
        <Table.Td>{item.elementKey || '—'}</Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <Text fz="sm">{carries(item)}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-expanded={open}
              aria-controls={details}
              aria-label={`${open ? 'Hide' : 'Show'} settings of “${item.sourceName}”`}
              onClick={() => onToggle(item.sourceId)}
            >
              {open ? 'Hide settings' : 'Show settings'}
            </Button>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text fz="sm">{notCarried(item)}</Text>
        </Table.Td>
        <Table.Td miw={220}>
          {item.action === 'create' ? (
            <Badge color="teal" variant="light" tt="none">
              Create
            </Badge>
          ) : (
            <Stack gap={4} align="flex-start">
              <Badge color="gray" variant="light" tt="none">
                Skip
              </Badge>
              <Text fz="xs">{item.skipReason}</Text>
              {item.freeName && (
                <Button
                  size="compact-xs"
                  variant="light"
                  disabled={busy}
                  onClick={() => void rename(item.sourceId, item.freeName!)}
                >
                  Import as “{item.freeName}”
                </Button>
              )}
            </Stack>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={details} ref={measure} {...{ [PLAN_INDEX]: index }}>
          <Table.Td colSpan={5}>
            <SettingsLists item={item} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Every key: what carries over with its value, and what comes from the new sign-in, with why. */
function SettingsLists({ item }: { item: ImportItem }) {
  const carried = Object.entries({ ...item.configuration, ...item.events }).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <SimpleGrid cols={2} spacing="lg">
      <Stack gap={4}>
        <Text fz="sm" fw={600}>
          Carries over
        </Text>
        {carried.map(([key, value]) => (
          <Group key={key} gap={6} wrap="nowrap" align="flex-start">
            <Text ff="monospace" fz="xs" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {key}
            </Text>
            <Text fz="xs" style={{ overflowWrap: 'anywhere' }}>
              {value === '' ? '(empty)' : value}
            </Text>
          </Group>
        ))}
        {item.tags.length > 0 && <Text fz="xs">Tags: {item.tags.join(', ')}</Text>}
      </Stack>
      <Stack gap={4}>
        <Text fz="sm" fw={600}>
          Comes from the new sign-in or the target
        </Text>
        {item.notCarried.map(({ key, reason }) => (
          <Group key={key} gap={6} wrap="nowrap">
            <Text ff="monospace" fz="xs" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {key}
            </Text>
            <Text fz="xs">{REASONS[reason]}</Text>
          </Group>
        ))}
      </Stack>
    </SimpleGrid>
  );
}
