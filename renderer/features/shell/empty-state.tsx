// A friendly empty state: an icon, one line of what this place is for, and what to do next. When it
// stands in for a whole screen, its title is that screen's h1 (where focus goes on arrival). Plain
// elements drawn as Mantine's Center, Stack, ThemeIcon, Title and Text (empty-state.css, theme-icon.css,
// focus-heading.css): the first run's screen is one.
import type { ReactNode } from 'react';
import { FocusHeading } from './focus-heading';
import './theme-icon.css';
import './empty-state.css';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
  /** The empty state is the whole screen: its title is the screen's h1. */
  screen?: boolean;
}

export function EmptyState({ icon, title, children, action, screen = false }: EmptyStateProps) {
  return (
    <div className="ea-empty">
      <div className="ea-empty-stack">
        <span className="ea-theme-icon ea-empty-icon">{icon}</span>
        {screen ? (
          <FocusHeading order={1} size="h3">
            {title}
          </FocusHeading>
        ) : (
          <h2 className="ea-heading" data-size="h3">
            {title}
          </h2>
        )}
        <p className="ea-empty-text">{children}</p>
        {action}
      </div>
    </div>
  );
}
