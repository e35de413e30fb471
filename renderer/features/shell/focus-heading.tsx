// Headings that focus can be moved to (tabIndex -1, marked as a focus target): each screen's one h1,
// and the h2 of a step or panel that replaces what the user was looking at.
import type { ReactNode } from 'react';
import { Title, type TitleProps } from '@mantine/core';
import { FOCUS_TARGET } from './focus';

interface FocusHeadingProps extends Omit<TitleProps, 'order' | 'children'> {
  order: 1 | 2;
  children: ReactNode;
}

export function FocusHeading({ order, children, ...props }: FocusHeadingProps) {
  return (
    <Title order={order} tabIndex={-1} {...{ [FOCUS_TARGET]: true }} {...props}>
      {children}
    </Title>
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
