// The activity entries as CSV (RFC 4180): one row per entry, details as JSON in the last column,
// written by the one CSV writer (formula-looking cells kept as text).
import type { ActivityEntry } from '../../../common/contract';
import { toCsv } from '../storage/csv';

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
  return toCsv([HEADER, ...rows]);
}
