// Starting and following a health run: which tenants to check (all, or some), Run and Cancel, and
// while it runs a progress bar with checked / total, failing and the time left.
import { Button, Checkbox, Group, MultiSelect, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconHeartbeat, IconPlayerStop } from '@tabler/icons-react';
import type { HealthProgress, TenantView } from '../../../common/contract';
import { formatTimeLeft, percentDone } from './health-format';

interface HealthRunBarProps {
  tenants: TenantView[];
  picked: string[] | 'all';
  running: boolean;
  cancelling: boolean;
  progress: HealthProgress | null;
  onPick(picked: string[] | 'all'): void;
  onRun(): void;
  onCancel(): void;
}

function RunProgress({ progress }: { progress: HealthProgress | null }) {
  const shown = progress ?? { checked: 0, total: 0, failing: 0, etaMs: null, done: false, tenantsLeft: 1 };
  const stillListing = shown.tenantsLeft > 0 ? ' · listing instances…' : '';
  return (
    <Stack gap={4}>
      <Progress
        value={percentDone(shown as HealthProgress)}
        size="lg"
        radius="sm"
        animated={!shown.done}
        aria-label="Health check progress"
      />
      <Text size="sm" data-testid="health-progress">
        {`${shown.checked.toLocaleString()} / ${shown.total.toLocaleString()} checked · `}
        <Text span c={shown.failing > 0 ? 'red' : undefined} fw={shown.failing > 0 ? 600 : undefined}>
          {`${shown.failing.toLocaleString()} failing`}
        </Text>
        {` · ${formatTimeLeft(shown.etaMs)}${stillListing}`}
      </Text>
    </Stack>
  );
}

export function HealthRunBar(props: HealthRunBarProps) {
  const { tenants, picked, running, cancelling, progress, onPick, onRun, onCancel } = props;
  const all = picked === 'all';
  const nothingPicked = !all && picked.length === 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group align="flex-end" gap="md" wrap="nowrap">
          <Checkbox
            label="All tenants"
            checked={all}
            disabled={running}
            onChange={(event) => onPick(event.currentTarget.checked ? 'all' : tenants.map((t) => t.id))}
            mb={8}
          />
          <MultiSelect
            label="Tenants to check"
            placeholder={all ? `All ${tenants.length} tenants` : 'Pick tenants'}
            data={tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))}
            value={all ? [] : picked}
            onChange={onPick}
            disabled={all || running}
            searchable
            clearable
            style={{ flex: 1 }}
          />
          {running ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              loading={cancelling}
              onClick={onCancel}
            >
              Cancel
            </Button>
          ) : (
            <Button leftSection={<IconHeartbeat size={16} />} disabled={nothingPicked} onClick={onRun}>
              Check now
            </Button>
          )}
        </Group>
        {nothingPicked && (
          <Text size="sm" c="dimmed">
            Pick at least one tenant, or check all of them.
          </Text>
        )}
        {running && <RunProgress progress={progress} />}
      </Stack>
    </Paper>
  );
}
