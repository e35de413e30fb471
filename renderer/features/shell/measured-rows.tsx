// The body of a table whose rows vary in height and only those in view are drawn (useMeasuredRowWindow):
// the drawn rows in order, with the space of the rows not drawn kept above, between and below them, so
// the scroll bar and position are those of the whole list.
import type { ReactNode } from 'react';

/** Space kept for rows not drawn: hidden from assistive technology, as tall as those rows. */
function Gap({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** The rows `shown` (by index, in order) drawn by `row`, each placed at `tops[index]` by the gaps before it. */
export function rowsWithGaps(
  shown: readonly number[],
  tops: Float64Array,
  columns: number,
  row: (index: number) => ReactNode,
): ReactNode[] {
  const rows: ReactNode[] = [];
  let drawnTo = 0;
  for (const index of shown) {
    const top = tops[index]!;
    if (top > drawnTo) rows.push(<Gap key={`gap-${rows.length}`} height={top - drawnTo} columns={columns} />);
    rows.push(row(index));
    drawnTo = tops[index + 1]!;
  }
  const end = tops[tops.length - 1]!;
  if (end > drawnTo) rows.push(<Gap key="gap-end" height={end - drawnTo} columns={columns} />);
  return rows;
}
