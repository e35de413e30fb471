// A failed flow in plain words: a title chosen by the error code, main's one sentence, the details
// that help (vendor error, platform message, request id) and the way forward. The form is kept.
import type { ReactNode } from 'react';
import { Alert, Button, DataList, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh, IconUsersGroup } from '@tabler/icons-react';
import type { AppError, ErrorCode } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { FOCUS_TARGET } from '../shell/focus';

const SPECIAL = [
  'consent_denied',
  'state_mismatch',
  'code_expired',
  'platform_unauthorized',
  'platform_bad_request',
  'platform_unreachable',
  'timeout',
] as const satisfies readonly ErrorCode[];
type FailureKind = (typeof SPECIAL)[number] | 'other';

const kindOf = (code: ErrorCode): FailureKind =>
  (SPECIAL as readonly ErrorCode[]).includes(code) ? (code as FailureKind) : 'other';

interface Guidance {
  title: string;
  /** A way forward the app adds; absent where main's sentence already ends with one. */
  forward?: string;
  toTenants?: boolean;
}

function guidance(kind: FailureKind, tenantName: string): Guidance {
  switch (kind) {
    case 'consent_denied':
      return { title: 'The sign-in was declined' };
    case 'state_mismatch':
      return {
        title: 'The answer belonged to another sign-in',
        forward: 'Start again and use only the newest sign-in link.',
      };
    case 'code_expired':
      return { title: 'The grant code expired' };
    case 'platform_unauthorized':
      return {
        title: 'The platform refused the tenant’s secrets',
        forward: `Check the organization and user secrets of ${tenantName} on the Tenants screen, then start again.`,
        toTenants: true,
      };
    case 'platform_bad_request':
      return {
        title: 'The platform refused the request',
        forward:
          'Check the client id, secret, callback URL and scope against the vendor’s console, then start again.',
      };
    case 'platform_unreachable':
      return {
        title: 'The platform could not be reached',
        forward: 'Check your connection, VPN or proxy and the tenant’s platform URL, then start again.',
        toTenants: true,
      };
    case 'timeout':
      return { title: 'It took too long' };
    case 'other':
      return { title: 'The sign-in stopped', forward: 'Start again; your form is kept.' };
    default:
      return assertNever(kind);
  }
}

function detailRows(error: AppError): [string, ReactNode][] {
  const details = error.details ?? {};
  const rows: [string, ReactNode][] = [];
  if (details.vendorError) rows.push(['Vendor error', details.vendorError]);
  if (details.vendorErrorDescription) rows.push(['Vendor says', details.vendorErrorDescription]);
  if (details.platformMessage) rows.push(['Platform says', details.platformMessage]);
  if (details.providerMessage) rows.push(['Provider says', details.providerMessage]);
  if (details.status !== undefined) rows.push(['HTTP status', String(details.status)]);
  if (details.requestId) rows.push(['Request id', details.requestId]);
  return rows;
}

const MONOSPACE_ROWS = new Set(['Vendor error', 'HTTP status', 'Request id']);

interface FlowFailurePanelProps {
  error: AppError;
  tenantName: string;
  restarting: boolean;
  onStartAgain(): void;
  onOpenTenants(): void;
}

export function FlowFailurePanel({
  error,
  tenantName,
  restarting,
  onStartAgain,
  onOpenTenants,
}: FlowFailurePanelProps) {
  const { title, forward, toTenants } = guidance(kindOf(error.code), tenantName);
  const rows = detailRows(error);
  return (
    <Stack gap="lg" data-testid="flow-failed" data-code={error.code}>
      <Alert
        color="red"
        variant="light"
        title={title}
        icon={<IconAlertTriangle size={20} />}
        tabIndex={-1}
        {...{ [FOCUS_TARGET]: true }}
      >
        <Text fz="sm" data-testid="failure-message">
          {error.message}
        </Text>
      </Alert>
      {rows.length > 0 && (
        <DataList withDivider labelWidth="140px" size="sm" data-testid="failure-details">
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue ff={MONOSPACE_ROWS.has(label) ? 'monospace' : undefined}>
                {value}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
      {forward && <Text>{forward}</Text>}
      <Group gap="sm">
        <Button leftSection={<IconRefresh size={16} />} onClick={onStartAgain} loading={restarting}>
          Start again
        </Button>
        {toTenants && (
          <Button variant="default" leftSection={<IconUsersGroup size={16} />} onClick={onOpenTenants}>
            Open Tenants
          </Button>
        )}
      </Group>
    </Stack>
  );
}
