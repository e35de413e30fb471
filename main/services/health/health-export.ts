// The health board as a file: CSV (one row per instance, failing first) or JSON
// ("element-authenticator/health-export@1"); no token or secret is in either. Written atomically.
import type { HealthBoard } from '../../../common/contract';
import {
  healthRows,
  OUTCOME_LABELS,
  type HealthRow,
  type HealthRowFilter,
} from '../../../common/health-rows';
import { AppFailure } from '../errors';
import { writeFileAtomic } from '../storage/atomic-file';
import { toCsv } from '../storage/csv';

export type HealthExportFormat = 'csv' | 'json';

const when = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

const COLUMNS: [string, (row: HealthRow) => string][] = [
  ['tenant', (row) => row.tenantName],
  ['instance id', (row) => String(row.instanceId)],
  ['instance', (row) => row.instanceName],
  ['element', (row) => row.elementKey],
  ['outcome', (row) => OUTCOME_LABELS[row.outcome]],
  ['message', (row) => row.message],
  ['status', (row) => (row.status === undefined ? '' : String(row.status))],
  ['request id', (row) => row.requestId ?? ''],
  ['checked at', (row) => when(row.checkedAt)],
  ['last success', (row) => when(row.lastSuccessAt)],
  ['failing since', (row) => when(row.failingSince)],
];

export function healthCsv(rows: HealthRow[]): string {
  return toCsv([COLUMNS.map(([name]) => name), ...rows.map((row) => COLUMNS.map(([, of]) => of(row)))]);
}

/** A row as exported (JSON file, CLI JSON lines): ISO times, no colour. */
export function exportedRow({ color: _color, ...row }: HealthRow) {
  return {
    ...row,
    checkedAt: when(row.checkedAt),
    lastSuccessAt: when(row.lastSuccessAt) || null,
    failingSince: when(row.failingSince) || null,
  };
}

export function healthJson(rows: HealthRow[], exportedAt: Date): string {
  const document = {
    format: 'element-authenticator/health-export@1',
    exportedAt: exportedAt.toISOString(),
    results: rows.map(exportedRow),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface HealthExportFile {
  text: string;
  count: number;
  defaultName: string;
}

export function healthExportFile(
  board: HealthBoard,
  format: HealthExportFormat,
  exportedAt: Date,
  filter: HealthRowFilter = {},
): HealthExportFile {
  const rows = healthRows(board, filter);
  const text = format === 'csv' ? healthCsv(rows) : healthJson(rows, exportedAt);
  const defaultName = `instance-health-${exportedAt.toISOString().slice(0, 10)}.${format}`;
  return { text, count: rows.length, defaultName };
}

export async function writeHealthExport(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, 0o644);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new AppFailure(
      'export_unwritable',
      `The health export could not be written to ${path}${reason}. Choose another folder.`,
    );
  }
}
