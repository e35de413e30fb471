// How the Health screen words things: outcome badges and colours, times, time left, and the line
// that sums up a tenant's last run. Pure functions, tested on their own.
import type { HealthOutcome, HealthProgress, HealthRunSummary } from '../../../common/contract';
import { OUTCOME_LABELS } from '../../../common/health-rows';

export const OUTCOME_COLORS: Record<HealthOutcome, string> = {
  valid: 'teal',
  token_refused: 'red',
  platform_error: 'grape',
  unreachable: 'orange',
  disabled: 'gray',
};

/** "Token refused (401)", "Valid"… */
export const outcomeLabel = (outcome: HealthOutcome) => {
  const label = OUTCOME_LABELS[outcome];
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
};

export function formatWhen(ms: number | null): string {
  if (ms === null) return '—';
  return new Date(ms).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

/** 0–100 for the progress bar; while instance lists are still coming the total can still grow. */
export function percentDone(progress: HealthProgress): number {
  if (progress.done) return 100;
  if (progress.total === 0) return 0;
  return Math.min(100, Math.round((progress.checked / progress.total) * 100));
}

/** The newest run among the tenants shown: when the board was last checked. */
export function lastRunOf(runs: (HealthRunSummary | undefined)[]): HealthRunSummary | null {
  return runs.reduce<HealthRunSummary | null>(
    (latest, run) => (run && (!latest || run.finishedAt > latest.finishedAt) ? run : latest),
    null,
  );
}
