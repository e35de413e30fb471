// The instances table: sortable headers, a checkbox per row for export, and a virtualized body
// (@tanstack/react-virtual) of memoised rows, so a keystroke renders only the rows in view that changed.
import { memo, useRef, type KeyboardEvent, type ReactNode } from 'react';
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
  frame: 'ea-table-frame ea-instances-frame',
  grid: 'ea-table-grid ea-instances-grid',
  header: 'ea-table-header',
  sortButton: 'ea-instances-sort-button',
  body: 'ea-table-body',
  row: 'ea-table-row ea-instances-row',
  cell: 'ea-table-cell',
  mono: 'ea-table-mono',
  tag: 'ea-instances-tag',
};

export const ROW_HEIGHT = 44;
/** Tags shown as badges in a row; the rest as a count (the cell's title lists them all). */
const TAGS_SHOWN = 2;

/** Columns that `collapsible` marks give way when the table is narrow (instances-table.css). */
const COLUMNS: { key: SortKey; label: string; collapsible?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'elementKey', label: 'Element' },
  { key: 'id', label: 'ID', collapsible: true },
  { key: 'createdDate', label: 'Created', collapsible: true },
  { key: 'status', label: 'Status' },
  { key: 'tags', label: 'Tags' },
];
const COLLAPSIBLE = 'ea-instances-collapsible';

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
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <InstanceRowView
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                isSelected={selected.has(row.id)}
                isOpen={openId === row.id}
                onToggle={onToggle}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface InstanceRowViewProps {
  row: InstanceSummary;
  index: number;
  /** Where the virtualizer places the row, in px from the top of the body. */
  start: number;
  isSelected: boolean;
  isOpen: boolean;
  onToggle(id: number): void;
  onOpen(id: number): void;
}

/** One row; memoised, so a row that stays in view with the same data is not rendered again. */
const InstanceRowView = memo(function InstanceRowView(props: InstanceRowViewProps) {
  const { row, index, start, isSelected, isOpen, onToggle, onOpen } = props;
  const status = STATUS[statusOf(row)];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') onOpen(row.id);
    if (event.key === ' ') {
      event.preventDefault();
      onToggle(row.id);
    }
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      tabIndex={0}
      data-testid="instance-row"
      data-selected={isSelected || undefined}
      data-open={isOpen || undefined}
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(row.id)}
      onKeyDown={onKeyDown}
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
      <div role="cell" className={`${classes.cell} ${classes.mono} ${COLLAPSIBLE}`}>
        {row.id}
      </div>
      <div role="cell" className={`${classes.cell} ${COLLAPSIBLE}`}>
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
          {row.tags.slice(0, TAGS_SHOWN).map((tag) => (
            <Badge key={tag} variant="default" size="sm" radius="sm" tt="none" className={classes.tag}>
              {tag}
            </Badge>
          ))}
          {row.tags.length > TAGS_SHOWN && (
            <Badge variant="default" size="sm" radius="sm" className={classes.tag}>
              +{row.tags.length - TAGS_SHOWN}
            </Badge>
          )}
        </Group>
      </div>
    </div>
  );
});
