// The health board as one list of rows across tenants, in the one order the app, the CLI and the
// exports share: failing first (worst outcome, then longest failing), then tenant and instance name.
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

export function compareHealthRows(a: HealthRow, b: HealthRow): number {
  return (
    SEVERITY[a.outcome] - SEVERITY[b.outcome] ||
    (a.failingSince ?? Infinity) - (b.failingSince ?? Infinity) ||
    a.tenantName.localeCompare(b.tenantName) ||
    a.instanceName.localeCompare(b.instanceName) ||
    a.instanceId - b.instanceId
  );
}

/** Every stored result of the board (or of the given tenants), sorted failing first. */
export function healthRows(board: HealthBoard, tenantIds?: readonly string[]): HealthRow[] {
  const wanted = tenantIds ? new Set(tenantIds) : undefined;
  return board.tenants
    .filter((tenant) => !wanted || wanted.has(tenant.tenantId))
    .flatMap((tenant) =>
      tenant.results.map((result) => ({
        ...result,
        tenantId: tenant.tenantId,
        tenantName: tenant.tenantName,
        color: tenant.color,
      })),
    )
    .sort(compareHealthRows);
}
