// Renderer entry: Mantine with light/dark following the OS, notifications, and the app frame.
import './mantine-styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { App } from './app';
import { theme } from './theme';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <Notifications position="bottom-right" />
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}
