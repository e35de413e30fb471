// Renderer entry: Mantine with light/dark following the OS (colours at AA contrast), the keyboard
// and focus styles, and the app frame, first rendered once main has said which tenants there are.
import './mantine-styles';
import './a11y.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { App } from './app';
import { cssVariablesResolver, theme } from './theme';
import { useTenantsStore } from './stores/tenants';

/** The longest the window stays blank for the tenants' answer; after it, the screens show their own wait. */
const FIRST_RENDER_WAIT_MS = 300;

function render(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  // Every first screen depends on the tenants (which one is active, or none yet): asked for before the
  // first render, the window paints its screen once, not an empty frame and then the screen. Whatever
  // the answer (or none), the app renders: the screens say what went wrong.
  const tenants = useTenantsStore.getState().connect();
  const slow = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
  const renderOnce = () => render(root);
  void Promise.race([tenants, slow]).then(renderOnce, renderOnce);
}
