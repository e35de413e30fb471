// The instances table: sortable headers, a checkbox per row for export, and a virtualized body
// (@tanstack/react-virtual) so only the rows in view are in the DOM, even with 10,000 instances.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Badge, Checkbox, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InstanceSummary } from '../../../common/contract';
import {
  formatCreated,
  statusOf,
  type InstanceStatus,
  type Sort,
  type SortKey,
} from '../../models/instance-rows';
import '../shell/data-table.css';
import './instances-table.css';

const classes = {
  frame: 'ea-table-frame',
  grid: 'ea-table-grid ea-instances-grid',
  header: 'ea-table-header',
  sortButton: 'ea-instances-sort-button',
  body: 'ea-table-body',
  row: 'ea-table-row ea-instances-row',
  cell: 'ea-table-cell',
  mono: 'ea-table-mono',
};

export const ROW_HEIGHT = 44;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'elementKey', label: 'Element' },
  { key: 'id', label: 'ID' },
  { key: 'createdDate', label: 'Created' },
  { key: 'status', label: 'Status' },
  { key: 'tags', label: 'Tags' },
];

const STATUS: Record<InstanceStatus, { label: string; color: string }> = {
  valid: { label: 'Valid', color: 'teal' },
  invalid: { label: 'Invalid', color: 'orange' },
  disabled: { label: 'Disabled', color: 'gray' },
};

interface InstancesTableProps {
  rows: InstanceSummary[];
  sort: Sort;
  selected: ReadonlySet<number>;
  openId: number | null;
  /** The most the body may grow to (a CSS length); with fewer rows it is only as tall as they are. */
  maxHeight: string;
  onSort(key: SortKey): void;
  onToggle(id: number): void;
  onSelectRows(ids: number[]): void;
  onOpen(id: number): void;
}

function SortIcon({ active, direction }: { active: boolean; direction: Sort['direction'] }): ReactNode {
  if (!active) return <IconSelector size={14} opacity={0.5} />;
  return direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />;
}

export function InstancesTable(props: InstancesTableProps) {
  const { rows, sort, selected, openId, maxHeight, onSort, onToggle, onSelectRows, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const selectedInView = rows.reduce((count, row) => count + (selected.has(row.id) ? 1 : 0), 0);
  const allSelected = rows.length > 0 && selectedInView === rows.length;
  const onRowKey = (event: KeyboardEvent, id: number) => {
    if (event.key === 'Enter') onOpen(id);
    if (event.key === ' ') {
      event.preventDefault();
      onToggle(id);
    }
  };

  return (
    <div className={classes.frame} role="table" aria-label="Instances" aria-rowcount={rows.length + 1}>
      <div className={`${classes.grid} ${classes.header}`} role="row" aria-rowindex={1}>
        <div role="columnheader">
          <Checkbox
            size="xs"
            aria-label={allSelected ? 'Unselect all shown instances' : 'Select all shown instances'}
            checked={allSelected}
            indeterminate={selectedInView > 0 && !allSelected}
            disabled={rows.length === 0}
            onChange={() => onSelectRows(allSelected ? [] : rows.map((row) => row.id))}
          />
        </div>
        {COLUMNS.map((column) => (
          <div
            key={column.key}
            role="columnheader"
            aria-sort={
              sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
            }
          >
            <button type="button" className={classes.sortButton} onClick={() => onSort(column.key)}>
              {column.label}
              <SortIcon active={sort.key === column.key} direction={sort.direction} />
            </button>
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className={classes.body}
        style={{ height: rows.length * ROW_HEIGHT, maxHeight }}
        data-testid="instances-scroll"
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const status = STATUS[statusOf(row)];
            const isSelected = selected.has(row.id);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                tabIndex={0}
                data-testid="instance-row"
                data-selected={isSelected || undefined}
                data-open={openId === row.id || undefined}
                className={`${classes.grid} ${classes.row}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(row.id)}
                onKeyDown={(event) => onRowKey(event, row.id)}
              >
                <div role="cell" onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    size="xs"
                    aria-label={`Select ${row.name}`}
                    checked={isSelected}
                    onChange={() => onToggle(row.id)}
                    tabIndex={-1}
                  />
                </div>
                <div role="cell" className={classes.cell} title={row.name}>
                  <Text span size="sm" fw={500}>
                    {row.name}
                  </Text>
                </div>
                <div role="cell" className={`${classes.cell} ${classes.mono}`}>
                  {row.elementKey}
                </div>
                <div role="cell" className={`${classes.cell} ${classes.mono}`}>
                  {row.id}
                </div>
                <div role="cell" className={classes.cell}>
                  <Text span size="sm" c="dimmed">
                    {formatCreated(row.createdDate)}
                  </Text>
                </div>
                <div role="cell">
                  <Badge variant="light" color={status.color} size="sm" radius="sm">
                    {status.label}
                  </Badge>
                </div>
                <div role="cell" className={classes.cell} title={row.tags.join(', ')}>
                  <Group gap={4} wrap="nowrap">
                    {row.tags.map((tag) => (
                      <Badge key={tag} variant="outline" color="gray" size="sm" radius="sm" tt="none">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
