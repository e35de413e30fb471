// The activity entries as CSV (RFC 4180): one row per entry, details as JSON in the last column,
// and cells a spreadsheet would run as a formula (=, +, -, @) kept as text.
import type { ActivityEntry } from '../../../common/contract';

const HEADER = [
  'time',
  'action',
  'outcome',
  'source',
  'tenant',
  'instance id',
  'instance name',
  'request id',
  'details',
];

function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function activityCsv(entries: ActivityEntry[]): string {
  const rows = entries.map((entry) => [
    entry.time,
    entry.action,
    entry.outcome,
    entry.source,
    entry.tenantName,
    entry.instanceId === undefined ? '' : String(entry.instanceId),
    entry.instanceName ?? '',
    entry.requestId ?? '',
    Object.keys(entry.details).length ? JSON.stringify(entry.details) : '',
  ]);
  return [HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
