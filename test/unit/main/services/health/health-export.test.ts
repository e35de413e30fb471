// The health export: CSV quoting, formulas defused for spreadsheets, and the JSON document.
import { describe, expect, it } from 'vitest';
import type { HealthRow } from '../../../../../common/health-rows';
import { healthCsv, healthJson } from '../../../../../main/services/health/health-export';

const row: HealthRow = {
  tenantId: 't',
  tenantName: 'Acme, "EU"',
  color: '#1c7ed6',
  instanceId: 7,
  instanceName: '=HYPERLINK("http://evil")',
  elementKey: 'zohocrmv2',
  outcome: 'platform_error',
  message: 'The platform had a problem (HTTP 500).\nTry again.',
  status: 500,
  requestId: 'req-1',
  checkedAt: Date.UTC(2026, 0, 2, 3, 4),
  lastSuccessAt: null,
  failingSince: Date.UTC(2026, 0, 1),
};

describe('health export', () => {
  it('writes CSV with quoted cells and no formula a spreadsheet would run', () => {
    const [header, line] = healthCsv([row]).split('\r\n');
    expect(header).toBe(
      'tenant,instance id,instance,element,outcome,message,status,request id,checked at,last success,failing since',
    );
    expect(line).toBe(
      `"Acme, ""EU""",7,"'=HYPERLINK(""http://evil"")",zohocrmv2,platform error,"The platform had a problem (HTTP 500).\nTry again.",500,req-1,2026-01-02T03:04:00.000Z,,2026-01-01T00:00:00.000Z`,
    );
  });

  it('writes JSON with ISO times and without the colour', () => {
    const document = JSON.parse(healthJson([row], new Date(Date.UTC(2026, 0, 3)))) as {
      format: string;
      results: Record<string, unknown>[];
    };
    expect(document.format).toBe('element-authenticator/health-export@1');
    expect(document.results[0]).toMatchObject({
      lastSuccessAt: null,
      failingSince: '2026-01-01T00:00:00.000Z',
    });
    expect(document.results[0]).not.toHaveProperty('color');
  });
});
