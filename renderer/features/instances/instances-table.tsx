// The instances table: sortable headers, a checkbox per row for export, and a virtualized body
// (shell/row-window.ts) of memoised rows (instance-row.tsx), so a keystroke renders only new rows.
import { useRef, type ReactNode } from 'react';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { InstanceSummary } from '../../../common/contract';
import type { Sort, SortKey } from '../../models/instance-rows';
import { COLLAPSIBLE, InstanceRowView } from './instance-row';
import { useRowWindow } from '../shell/row-window';
import '../shell/data-table.css';
import './instances-table.css';

const classes = {
  frame: 'ea-table-frame ea-instances-frame',
  grid: 'ea-table-grid ea-instances-grid',
  header: 'ea-table-header',
  sortButton: 'ea-instances-sort-button',
  body: 'ea-table-body',
};

export const ROW_HEIGHT = 44;

/** Columns that `collapsible` marks give way when the table is narrow (instances-table.css). */
const COLUMNS: { key: SortKey; label: string; collapsible?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'elementKey', label: 'Element' },
  { key: 'id', label: 'ID', collapsible: true },
  { key: 'createdDate', label: 'Created', collapsible: true },
  { key: 'status', label: 'Status' },
  { key: 'tags', label: 'Tags' },
];

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
  const { first, end, totalHeight } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT);
  const selectedInView = rows.reduce((count, row) => count + (selected.has(row.id) ? 1 : 0), 0);
  const allSelected = rows.length > 0 && selectedInView === rows.length;

  return (
    <div className={classes.frame} role="table" aria-label="Instances" aria-rowcount={rows.length + 1}>
      <div className={`${classes.grid} ${classes.header}`} role="row" aria-rowindex={1}>
        <div role="columnheader">
          {/* A plain checkbox, as in the rows (instance-row.tsx); "some shown are selected" is its indeterminate state. */}
          <input
            type="checkbox"
            className="ea-instances-check"
            ref={(box) => {
              if (box) box.indeterminate = selectedInView > 0 && !allSelected;
            }}
            aria-label={allSelected ? 'Unselect all shown instances' : 'Select all shown instances'}
            checked={allSelected}
            disabled={rows.length === 0}
            onChange={() => onSelectRows(allSelected ? [] : rows.map((row) => row.id))}
          />
        </div>
        {COLUMNS.map((column) => (
          <div
            key={column.key}
            className={column.collapsible ? COLLAPSIBLE : undefined}
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
        <div role="rowgroup" style={{ height: totalHeight, position: 'relative' }}>
          {rows.slice(first, end).map((row, offset) => (
            <InstanceRowView
              key={row.id}
              row={row}
              index={first + offset}
              start={(first + offset) * ROW_HEIGHT}
              isSelected={selected.has(row.id)}
              isOpen={openId === row.id}
              onToggle={onToggle}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
