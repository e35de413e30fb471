// Renders a component inside the app's MantineProvider and theme, for renderer tests; a rerender keeps
// the provider, so the component under test keeps its state.
import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { theme } from '../../renderer/theme';

const WithTheme = ({ children }: { children: ReactNode }) => (
  <MantineProvider theme={theme}>{children}</MantineProvider>
);

export function renderWithTheme(ui: ReactElement) {
  return render(ui, { wrapper: WithTheme });
}
