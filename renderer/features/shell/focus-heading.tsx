// Headings that focus can be moved to (tabIndex -1, marked as a focus target): each screen's one h1,
// and the h2 of a step or panel that replaces what the user was looking at. Plain headings drawn as
// Mantine's Title (focus-heading.css), so a first screen renders them without Mantine's runtime.
import type { ReactNode } from 'react';
import { FOCUS_TARGET } from './focus';
import './focus-heading.css';

interface FocusHeadingProps {
  order: 1 | 2;
  /** How large it reads (one of Mantine's heading sizes); the order's own by default. */
  size?: 'h2' | 'h3' | 'h4';
  children: ReactNode;
}

export function FocusHeading({ order, size, children }: FocusHeadingProps) {
  const Heading = order === 1 ? 'h1' : 'h2';
  return (
    <Heading
      className="ea-heading"
      data-size={size ?? `h${order}`}
      tabIndex={-1}
      {...{ [FOCUS_TARGET]: true }}
    >
      {children}
    </Heading>
  );
}

/** A screen's one h1, sized as the screens' titles have always looked. */
export function ScreenTitle({ children }: { children: ReactNode }) {
  return (
    <FocusHeading order={1} size="h2">
      {children}
    </FocusHeading>
  );
}
