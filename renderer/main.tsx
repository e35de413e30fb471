// Renderer entry: Mantine with light/dark following the OS (colours at AA contrast), notifications,
// the keyboard and focus styles, and the app frame.
import './mantine-styles';
import './a11y.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { App } from './app';
import { cssVariablesResolver, theme } from './theme';

// Notifications are rare (a refused tenant switch): their code loads after the first screen.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((module) => ({ default: module.Notifications })),
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Suspense fallback={null}>
          <Notifications position="bottom-right" />
        </Suspense>
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}
