// A friendly empty state: an icon, one line of what this place is for, and what to do next. When it
// stands in for a whole screen, its title is that screen's h1 (where focus goes on arrival).
import type { ReactNode } from 'react';
import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { FocusHeading } from './focus-heading';

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
    <Center py={64}>
      <Stack align="center" gap="sm" maw={440} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          {icon}
        </ThemeIcon>
        {screen ? (
          <FocusHeading order={1} size="h3">
            {title}
          </FocusHeading>
        ) : (
          <Title order={2} size="h3">
            {title}
          </Title>
        )}
        <Text c="dimmed">{children}</Text>
        {action}
      </Stack>
    </Center>
  );
}
