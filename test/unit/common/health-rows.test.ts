// The board's one order and its filters: worst outcome first, then longest failing (by the hour),
// then tenant and instance name; filters by tenant and outcome, empty meaning all.
import { describe, expect, it } from 'vitest';
import type { HealthBoard, HealthOutcome } from '../../../common/contract';
import { healthRows } from '../../../common/health-rows';

const HOUR = 3_600_000;
const result = (instanceId: number, outcome: HealthOutcome, failingSince: number | null) => ({
  instanceId,
  instanceName: `i-${instanceId}`,
  elementKey: 'zohocrmv2',
  outcome,
  message: '',
  checkedAt: 10 * HOUR,
  lastSuccessAt: null,
  failingSince,
});

const board: HealthBoard = {
  running: false,
  tenants: [
    {
      tenantId: 'b',
      tenantName: 'Beta',
      color: null,
      runs: [],
      problem: null,
      results: [result(1, 'valid', null), result(2, 'disabled', HOUR), result(3, 'token_refused', 5 * HOUR)],
    },
    {
      tenantId: 'a',
      tenantName: 'Alpha',
      color: '#1c7ed6',
      runs: [],
      problem: null,
      results: [
        result(4, 'token_refused', 5 * HOUR + 10),
        result(5, 'platform_error', HOUR),
        result(6, 'token_refused', 2 * HOUR),
      ],
    },
  ],
};

describe('healthRows', () => {
  it('puts the worst outcome first, the longest failing first within it, tenants grouped by the hour', () => {
    expect(healthRows(board).map((row) => row.instanceId)).toEqual([6, 4, 3, 5, 2, 1]);
  });

  it('filters by tenant and by outcome; empty filters show everything', () => {
    expect(healthRows(board, { tenantIds: ['a'] }).map((row) => row.instanceId)).toEqual([6, 4, 5]);
    expect(healthRows(board, { outcomes: ['disabled', 'valid'] }).map((row) => row.instanceId)).toEqual([
      2, 1,
    ]);
    expect(healthRows(board, { tenantIds: [], outcomes: [] })).toHaveLength(6);
    expect(healthRows(board, { tenantIds: ['b'] })[0]).toMatchObject({ tenantName: 'Beta', color: null });
  });
});
