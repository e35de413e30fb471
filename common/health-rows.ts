// The health board as one list of rows across tenants, in the one order the app, the CLI and the
// exports share: failing first (worst outcome, then longest failing by the hour), then tenant and name.
import type { HealthBoard, HealthOutcome, HealthResult } from './contract';

export interface HealthRow extends HealthResult {
  tenantId: string;
  tenantName: string;
  color: string | null;
}

/** Worst first: what needs a consultant most comes to the top. */
const SEVERITY: Record<HealthOutcome, number> = {
  token_refused: 0,
  platform_error: 1,
  unreachable: 2,
  disabled: 3,
  valid: 4,
};

export const OUTCOME_LABELS: Record<HealthOutcome, string> = {
  valid: 'valid',
  token_refused: 'token refused (401)',
  disabled: 'disabled',
  unreachable: 'unreachable',
  platform_error: 'platform error',
};

export const isFailing = (outcome: HealthOutcome) => outcome !== 'valid';

/** "Failing since" to the hour: checks of one run land together, and tenants stay grouped within it. */
const failingHour = (row: HealthRow) =>
  row.failingSince === null ? Infinity : Math.floor(row.failingSince / 3_600_000);

export function compareHealthRows(a: HealthRow, b: HealthRow): number {
  return (
    SEVERITY[a.outcome] - SEVERITY[b.outcome] ||
    failingHour(a) - failingHour(b) ||
    a.tenantName.localeCompare(b.tenantName) ||
    a.instanceName.localeCompare(b.instanceName) ||
    a.instanceId - b.instanceId
  );
}

/** Which rows to show or export: absent or empty means every tenant, every outcome. */
export interface HealthRowFilter {
  tenantIds?: readonly string[];
  outcomes?: readonly HealthOutcome[];
}

const chosen = <T>(list: readonly T[] | undefined) =>
  list && list.length > 0 ? (item: T) => list.includes(item) : () => true;

/** The stored results of the board that pass the filter, sorted failing first. */
export function healthRows(board: HealthBoard, filter: HealthRowFilter = {}): HealthRow[] {
  const tenantWanted = chosen(filter.tenantIds);
  const outcomeWanted = chosen(filter.outcomes);
  return board.tenants
    .filter((tenant) => tenantWanted(tenant.tenantId))
    .flatMap((tenant) =>
      tenant.results
        .filter((result) => outcomeWanted(result.outcome))
        .map((result) => ({
          ...result,
          tenantId: tenant.tenantId,
          tenantName: tenant.tenantName,
          color: tenant.color,
        })),
    )
    .sort(compareHealthRows);
}
