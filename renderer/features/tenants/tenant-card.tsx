// One tenant on the Tenants screen: colour, name, environment, secret hints with copy (done in
// main), verify with its outcome, edit, remove, switch, and its saved OAuth apps.
import type { ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  ColorSwatch,
  Divider,
  Group,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconCheck,
  IconChevronDown,
  IconChevronUp,
  IconCopy,
  IconPencil,
  IconPlugConnected,
  IconShare,
  IconTrash,
} from '@tabler/icons-react';
import type { AppError, TenantCheck, TenantVerification, TenantView } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { environmentLabel } from '../../../common/environments';
import { NO_TENANT_COLOR } from '../shell/tenant-color';

const CHECK_COLOR: Record<TenantCheck['state'], string> = {
  verified: 'teal',
  refused: 'red',
  unreachable: 'orange',
  'not-checked': 'dimmed',
};

/** The tenant's last check in one line: what the platform said, and when. */
function checkLine(check: TenantCheck): string {
  const when = check.checkedAt === null ? '' : new Date(check.checkedAt).toLocaleString();
  switch (check.state) {
    case 'not-checked':
      return 'Secrets not checked yet: they are checked before the first sign-in.';
    case 'verified':
      return `Secrets accepted by the platform (checked ${when}).`;
    case 'refused':
      return `The platform refused these secrets (checked ${when}): rotate them with Edit.`;
    case 'unreachable':
      return `The platform could not confirm these secrets (checked ${when}).`;
    default:
      return assertNever(check.state);
  }
}

interface TenantCardProps {
  tenant: TenantView;
  active: boolean;
  verification: TenantVerification | undefined;
  verifying: boolean;
  switching: boolean;
  copied: 'org' | 'user' | null;
  error: AppError | null;
  onUse(): void;
  onVerify(): void;
  onEdit(): void;
  onRemove(): void;
  onCopy(which: 'org' | 'user'): void;
  /** Compact (one line) unless expanded; the active tenant starts expanded. */
  expanded: boolean;
  onToggle(): void;
  sharing: boolean;
  /** Where the share file was just written, to say so. */
  sharedTo: string | null;
  onShare(): void;
  children: ReactNode;
}

export function TenantCard(props: TenantCardProps) {
  const { tenant, active, verification, verifying, switching, copied, error } = props;
  const secret = (which: 'org' | 'user', label: string, hint: string) => (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed" w={150}>
        {label}
      </Text>
      <Text size="sm" ff="monospace">
        {hint || '—'}
      </Text>
      <Tooltip label={copied === which ? 'Copied' : `Copy the ${label.toLowerCase()}`}>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={`Copy the ${label.toLowerCase()} of ${tenant.name}`}
          onClick={() => props.onCopy(which)}
          leftSection={copied === which ? <IconCheck size={14} /> : <IconCopy size={14} />}
        >
          {copied === which ? 'Copied' : 'Copy'}
        </Button>
      </Tooltip>
    </Group>
  );
  const detailsId = `tenant-details-${tenant.id}`;
  return (
    <Paper
      withBorder
      p={props.expanded ? 'md' : 'xs'}
      px="md"
      radius="md"
      data-testid="tenant-card"
      data-tenant={tenant.name}
      data-active={active || undefined}
      aria-label={tenant.name}
      component="section"
      style={active ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <ColorSwatch color={tenant.color ?? NO_TENANT_COLOR} size={18} />
          <Text fw={600} size={props.expanded ? 'lg' : 'md'} truncate="end" title={tenant.name}>
            {tenant.name}
          </Text>
          {active && <Badge variant="light">Active</Badge>}
          <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
            {environmentLabel(tenant.environment, tenant.baseUrl)}
          </Badge>
          {tenant.teamStore && (
            <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
              Team store
            </Badge>
          )}
          {!props.expanded && tenant.check.state === 'refused' && (
            <Badge variant="light" color="red" style={{ flexShrink: 0 }}>
              Secrets refused
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {!active && (
            <Button
              size="xs"
              variant="light"
              loading={switching}
              onClick={props.onUse}
              aria-label={`Use ${tenant.name}`}
            >
              Use
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={props.expanded}
            aria-controls={detailsId}
            aria-label={`${props.expanded ? 'Hide' : 'Show'} the details of ${tenant.name}`}
            onClick={props.onToggle}
            rightSection={props.expanded ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          >
            {props.expanded ? 'Hide' : 'Details'}
          </Button>
        </Group>
      </Group>
      {props.expanded && (
        <Stack gap="sm" mt="sm" id={detailsId}>
          <Text size="xs" ff="monospace" c="dimmed">
            {tenant.baseUrl}
          </Text>
          <Text size="xs" c="dimmed" data-testid="secrets-home" title={tenant.teamStore?.dir}>
            {tenant.teamStore
              ? `Secrets in the team password store: ${tenant.teamStore.entry}`
              : "Secrets in this computer's keychain"}
          </Text>
          {secret('org', 'Organization secret', tenant.orgSecretHint)}
          {secret('user', 'User secret', tenant.userSecretHint)}
          {!verification && (
            <Text size="xs" c={CHECK_COLOR[tenant.check.state]} data-testid="tenant-check">
              {checkLine(tenant.check)}
            </Text>
          )}
          {verification && (
            <Alert
              color={verification.ok ? 'green' : 'red'}
              variant="light"
              role="status"
              data-testid="verification"
            >
              {verification.message}
            </Alert>
          )}
          {props.sharedTo && (
            <Alert color="green" variant="light" role="status">
              Shared: {props.sharedTo} holds no secret. Send it to your teammate; they choose “Join a shared
              tenant”.
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error.message}
            </Alert>
          )}
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlugConnected size={14} />}
              loading={verifying}
              onClick={props.onVerify}
            >
              Verify secrets
            </Button>
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={props.onEdit}>
              Edit
            </Button>
            {tenant.teamStore && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconShare size={14} />}
                loading={props.sharing}
                onClick={props.onShare}
              >
                Share
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={props.onRemove}
            >
              Remove
            </Button>
          </Group>
          <Divider />
          {props.children}
        </Stack>
      )}
    </Paper>
  );
}
