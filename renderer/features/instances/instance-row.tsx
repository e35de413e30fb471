// One row of the instances table, memoised and drawn with plain elements and classes (instances-table.css)
// rather than Mantine components, checkbox included: a keystroke can bring twenty new rows into view at once.
import { memo, type KeyboardEvent } from 'react';
import type { InstanceSummary } from '../../../common/contract';
import { formatCreated, statusOf, type InstanceStatus } from '../../models/instance-rows';

/** Cells that give way when the table is narrow (instances-table.css). */
export const COLLAPSIBLE = 'ea-instances-collapsible';
/** Tags shown as badges in a row; the rest as a count (the cell's title lists them all). */
const TAGS_SHOWN = 2;

const classes = {
  row: 'ea-table-grid ea-instances-grid ea-table-row ea-instances-row',
  cell: 'ea-table-cell',
  mono: 'ea-table-cell ea-table-mono',
  name: 'ea-table-cell ea-instances-name',
  created: `ea-table-cell ea-instances-created ${COLLAPSIBLE}`,
  status: 'ea-instances-badges',
  tags: 'ea-table-cell ea-instances-badges',
  badge: 'ea-instances-badge',
  check: 'ea-instances-check',
};

const STATUS: Record<InstanceStatus, { label: string; color: string }> = {
  valid: { label: 'Valid', color: 'teal' },
  invalid: { label: 'Invalid', color: 'orange' },
  disabled: { label: 'Disabled', color: 'gray' },
};

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

/** A row that stays in view with the same instance, place and state is not rendered again. */
export const InstanceRowView = memo(function InstanceRowView(props: InstanceRowViewProps) {
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
      className={classes.row}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(row.id)}
      onKeyDown={onKeyDown}
    >
      <div role="cell" onClick={(event) => event.stopPropagation()}>
        <input
          type="checkbox"
          className={classes.check}
          aria-label={`Select ${row.name}`}
          checked={isSelected}
          onChange={() => onToggle(row.id)}
          tabIndex={-1}
        />
      </div>
      <div role="cell" className={classes.name} title={row.name}>
        {row.name}
      </div>
      <div role="cell" className={classes.mono}>
        {row.elementKey}
      </div>
      <div role="cell" className={`${classes.mono} ${COLLAPSIBLE}`}>
        {row.id}
      </div>
      <div role="cell" className={classes.created}>
        {formatCreated(row.createdDate)}
      </div>
      <div role="cell" className={classes.status}>
        <span className={classes.badge} data-color={status.color}>
          {status.label}
        </span>
      </div>
      <div role="cell" className={classes.tags} title={row.tags.join(', ')}>
        {row.tags.slice(0, TAGS_SHOWN).map((tag) => (
          <span key={tag} className={classes.badge} data-tag>
            {tag}
          </span>
        ))}
        {row.tags.length > TAGS_SHOWN && (
          <span className={classes.badge} data-tag>
            +{row.tags.length - TAGS_SHOWN}
          </span>
        )}
      </div>
    </div>
  );
});
