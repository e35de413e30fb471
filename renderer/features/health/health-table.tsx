// The health results table: one row per instance across tenants (tenant colour, instance, element,
// outcome, detail with request id, last success, failing since), virtualized for thousands of rows.
import { useRef } from 'react';
import { Badge, ColorSwatch, Group, Text } from '@mantine/core';
import type { HealthRow } from '../../../common/health-rows';
import { useRowWindow } from '../shell/row-window';
import { NO_TENANT_COLOR } from '../shell/tenant-color';
import { formatWhen, OUTCOME_COLORS, outcomeLabel } from './health-format';
import '../shell/data-table.css';
import './health-table.css';

export const HEALTH_ROW_HEIGHT = 44;
const HEADERS = ['Tenant', 'Instance', 'Element', 'Outcome', 'Detail', 'Last success', 'Failing since'];

interface HealthTableProps {
  rows: HealthRow[];
  /** The most the body may grow to (a CSS length). */
  maxHeight: string;
}

export function HealthTable({ rows, maxHeight }: HealthTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { first, end, totalHeight } = useRowWindow(scrollRef, rows.length, HEALTH_ROW_HEIGHT);
  return (
    <div className="ea-table-frame" role="table" aria-label="Instance health" aria-rowcount={rows.length + 1}>
      <div className="ea-table-grid ea-table-header ea-health-grid" role="row" aria-rowindex={1}>
        {HEADERS.map((header) => (
          <div key={header} role="columnheader">
            {header}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="ea-table-body"
        style={{ height: rows.length * HEALTH_ROW_HEIGHT, maxHeight }}
        data-testid="health-scroll"
      >
        <div role="rowgroup" style={{ height: totalHeight, position: 'relative' }}>
          {rows.slice(first, end).map((row, offset) => {
            const index = first + offset;
            const detail = row.requestId ? `${row.message} Request id: ${row.requestId}` : row.message;
            return (
              <div
                key={`${row.tenantId}:${row.instanceId}`}
                role="row"
                aria-rowindex={index + 2}
                data-testid="health-row"
                data-outcome={row.outcome}
                className="ea-table-grid ea-table-row ea-health-grid"
                style={{ transform: `translateY(${index * HEALTH_ROW_HEIGHT}px)` }}
              >
                <div role="cell" className="ea-table-cell" title={row.tenantName}>
                  <Group gap={6} wrap="nowrap">
                    <ColorSwatch color={row.color ?? NO_TENANT_COLOR} size={12} aria-hidden />
                    <Text span size="sm">
                      {row.tenantName}
                    </Text>
                  </Group>
                </div>
                <div role="cell" className="ea-table-cell" title={`${row.instanceName} (${row.instanceId})`}>
                  <Text span size="sm" fw={500}>
                    {row.instanceName}
                  </Text>{' '}
                  <span className="ea-table-mono">{row.instanceId}</span>
                </div>
                <div role="cell" className="ea-table-cell ea-table-mono">
                  {row.elementKey}
                </div>
                <div role="cell">
                  <Badge variant="light" color={OUTCOME_COLORS[row.outcome]} size="sm" radius="sm" tt="none">
                    {outcomeLabel(row.outcome)}
                  </Badge>
                </div>
                <div role="cell" className="ea-table-cell" title={detail}>
                  <Text span size="xs" c="dimmed">
                    {row.outcome === 'valid' ? '' : row.message}
                  </Text>
                  {row.requestId && <span className="ea-table-mono"> {row.requestId}</span>}
                </div>
                <div role="cell" className="ea-table-cell">
                  <Text span size="sm" c="dimmed">
                    {formatWhen(row.lastSuccessAt)}
                  </Text>
                </div>
                <div role="cell" className="ea-table-cell">
                  <Text span size="sm" c={row.failingSince === null ? 'dimmed' : undefined}>
                    {formatWhen(row.failingSince)}
                  </Text>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
