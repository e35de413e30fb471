// The header's tenant menu, whose code comes with the first click (or the idle prefetch): it opens on
// that click whether its chunk is on its way or already there, keyboard included, and closing it gives
// the focus back to the header's button; the "flow still running" question, fetched when first asked,
// gives the focus back too.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TenantBadge } from '../../../../../renderer/features/tenants/tenant-badge';
import { prefetchParts } from '../../../../../renderer/parts';
import { useAppStore } from '../../../../../renderer/stores/app';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { installTenantsBridge, type FakeBridge } from '../../../../fakes/tenants-bridge';

const header = () => screen.getByTestId('active-tenant');

async function renderBadge() {
  renderWithTheme(<TenantBadge />);
  await waitFor(() => expect(header().textContent).toBe('Acme'));
}

/** The menu is open and has the focus; Escape closes it and the header's button has the focus again. */
async function closesBackToTheButton(user: ReturnType<typeof userEvent.setup>) {
  const menu = await screen.findByRole('menu');
  expect(within(menu).getByRole('menuitem', { name: 'Globex' })).toBeTruthy();
  expect(header().getAttribute('aria-expanded')).toBe('true');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(header()));
  expect(header().getAttribute('aria-expanded')).toBe('false');
}

describe('the header tenant menu', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    useAppStore.setState(useAppStore.getInitialState(), true);
    bridge = installTenantsBridge();
  });

  it('opens on the first click while its code is still on its way', async () => {
    const user = userEvent.setup();
    await renderBadge();
    expect(header().getAttribute('aria-haspopup')).toBe('menu');
    await user.click(header());
    await closesBackToTheButton(user);
  });

  it('opens from the keyboard once its code is there, and again after closing', async () => {
    prefetchParts();
    const user = userEvent.setup();
    await renderBadge();
    await user.tab();
    expect(document.activeElement).toBe(header());
    await user.keyboard('{Enter}');
    await closesBackToTheButton(user);
    await user.keyboard('{Enter}');
    await closesBackToTheButton(user);
  });

  it('gives the focus back to the header after the "flow still running" question', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.use'] = () => ({
      ok: false,
      error: { code: 'flow_pending', message: 'A flow is pending. Switching to Globex cancels it.' },
    });
    await renderBadge();
    await user.click(header());
    await user.click(await screen.findByRole('menuitem', { name: 'Globex' }));
    const dialog = await screen.findByRole('dialog', { name: 'A flow is still running' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep the flow' })),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep the flow' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(header()));
    expect(header().textContent).toBe('Acme');
  });
});
