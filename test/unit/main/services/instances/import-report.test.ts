// The import report: the plan's skipped instances first, then each flow's end as created (new id),
// or failed with the platform's reason and request id (refused, lost answer, cancelled, a start refused).
import { describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../common/contract';
import { AppFailure } from '../../../../../main/services/errors';
import type { ImportItem } from '../../../../../main/services/instances/import-plan';
import {
  recordFailure,
  recordOutcome,
  startReport,
} from '../../../../../main/services/instances/import-report';

const base = { flowId: 'f1', tenantId: 't-prod', tenantName: 'Production', instanceName: 'Acme CRM' };
const item = (sourceId: number, action: ImportItem['action'], skipReason?: string): ImportItem => ({
  sourceId,
  sourceName: 'Acme CRM',
  targetName: `Acme CRM ${sourceId}`,
  elementKey: 'zohocrmv2',
  tags: [],
  events: {},
  configuration: {},
  notCarried: [],
  action,
  ...(skipReason ? { skipReason } : {}),
});

describe('import report', () => {
  it('starts with the skipped instances of the plan and records every end of a flow', () => {
    const report = startReport(
      { sourceTenant: 'Staging', items: [item(1, 'skip', 'Already there.'), item(2, 'create')] },
      'Production',
    );
    const done: FlowView = {
      step: 'done',
      ...base,
      reauthenticated: false,
      instance: {
        id: 901,
        name: 'Acme CRM 2',
        elementKey: 'zohocrmv2',
        createdDate: 'x',
        tokenHint: '••••abcd',
      },
    };
    const failed: FlowView = {
      step: 'failed',
      ...base,
      error: {
        code: 'platform_bad_request',
        message: 'The platform refused.',
        details: { requestId: 'req-7' },
      },
    };
    recordOutcome(report, item(2, 'create'), done);
    recordOutcome(report, item(3, 'create'), failed);
    recordOutcome(report, item(4, 'create'), { step: 'lost-response', ...base });
    recordOutcome(report, item(5, 'create'), { step: 'cancelled', ...base });
    recordFailure(report, item(6, 'create'), new AppFailure('invalid_input', 'Enter the OAuth client id.'));

    expect(report.tenantName).toBe('Production');
    expect(report.skipped).toEqual([{ sourceId: 1, name: 'Acme CRM 1', reason: 'Already there.' }]);
    expect(report.created).toEqual([{ sourceId: 2, name: 'Acme CRM 2', id: 901 }]);
    expect(report.failed.map((entry) => [entry.sourceId, entry.code, entry.requestId])).toEqual([
      [3, 'platform_bad_request', 'req-7'],
      [4, 'response_lost', undefined],
      [5, 'cancelled', undefined],
      [6, 'invalid_input', undefined],
    ]);
    expect(report.failed[0]?.message).toBe('The platform refused.');
  });
});
