// The header badge and the Tenants screen under jsdom: the active tenant in the header and the
// window title, switching (asking first while a flow is pending), removal naming the tenant,
// copy through main, verification shown, and main's recovery notice shown once.
import { act, screen, waitFor, within } from '@testing-library/react';
import type { AppError } from '../../../../../common/contract';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TenantBadge } from '../../../../../renderer/features/tenants/tenant-badge';
import { TenantsScreen } from '../../../../../renderer/features/tenants/tenants-screen';
import { useAppStore } from '../../../../../renderer/stores/app';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { installTenantsBridge, ok, TWO_TENANTS, type FakeBridge } from '../../../../fakes/tenants-bridge';

const globexActive = { ...TWO_TENANTS, activeTenantId: 't-globex' };

/** Renders the Tenants screen, main answering removals with Globex alone, and opens Acme's remove dialog. */
async function openRemoveAcme(
  user: ReturnType<typeof userEvent.setup>,
  bridge: FakeBridge,
): Promise<HTMLElement> {
  bridge.answers['tenants.remove'] = () =>
    ok({ ...TWO_TENANTS, tenants: [TWO_TENANTS.tenants[1]!], activeTenantId: null, oauthApps: [] });
  renderWithTheme(<TenantsScreen />);
  const card = await screen.findByRole('region', { name: 'Acme' });
  await user.click(within(card).getByRole('button', { name: 'Remove' }));
  return screen.findByRole('dialog', { name: 'Remove Acme?' });
}

/** Renders the header badge on Acme, main refusing every switch with `error`, and picks Globex in its menu. */
async function refusedSwitchToGlobex(bridge: FakeBridge, error: AppError) {
  const user = userEvent.setup();
  bridge.answers['tenants.use'] = () => ({ ok: false, error });
  renderWithTheme(<TenantBadge />);
  await waitFor(() => expect(screen.getByTestId('active-tenant').textContent).toBe('Acme'));
  await user.click(screen.getByTestId('active-tenant'));
  await user.click(await screen.findByRole('menuitem', { name: 'Globex' }));
  return user;
}

describe('tenants in the header and on their screen', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    useAppStore.setState(useAppStore.getInitialState(), true);
    bridge = installTenantsBridge();
  });

  it('shows the active tenant in the header and the window title, and follows tenants.changed', async () => {
    renderWithTheme(<TenantBadge />);
    const badge = await screen.findByTestId('active-tenant');
    await waitFor(() => expect(badge.textContent).toBe('Acme'));
    expect(document.title).toBe('Acme — Element Authenticator');

    act(() => bridge.push('tenants.changed', globexActive));

    await waitFor(() => expect(screen.getByTestId('active-tenant').textContent).toBe('Globex'));
    expect(document.title).toBe('Globex — Element Authenticator');
    act(() => bridge.push('tenants.changed', { ...TWO_TENANTS, activeTenantId: null }));
    await waitFor(() => expect(document.title).toBe('Element Authenticator'));
    expect(screen.getByTestId('active-tenant').textContent).toBe('No tenant selected');
  });

  it('switches from the header menu, asking first while a flow is pending', async () => {
    const user = userEvent.setup();
    let calls = 0;
    bridge.answers['tenants.use'] = (input) => {
      calls += 1;
      if (!(input as { abandonPendingFlow?: boolean }).abandonPendingFlow) {
        return {
          ok: false,
          error: {
            code: 'flow_pending',
            message:
              'The flow creating “Acme CRM” for Acme is creating the instance right now. Switching to Globex cancels it.',
          },
        };
      }
      return ok(globexActive);
    };
    renderWithTheme(<TenantBadge />);
    await waitFor(() => expect(screen.getByTestId('active-tenant').textContent).toBe('Acme'));

    await user.click(screen.getByTestId('active-tenant'));
    await user.click(await screen.findByRole('menuitem', { name: 'Globex' }));

    const dialog = await screen.findByRole('dialog', { name: 'A flow is still running' });
    expect(
      within(dialog).getByText(/creating the instance right now\. Switching to Globex cancels it\./),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel it and switch' }));

    await waitFor(() => expect(screen.getByTestId('active-tenant').textContent).toBe('Globex'));
    expect(bridge.callsTo('tenants.use')).toEqual([
      { id: 't-globex' },
      { id: 't-globex', abandonPendingFlow: true },
    ]);
    expect(calls).toBe(2);
  });

  it('says above the screen why a switch from the header was refused, and keeps the tenant', async () => {
    await refusedSwitchToGlobex(bridge, {
      code: 'keychain_locked',
      message: 'The keychain is locked. Unlock it and try again.',
    });

    await waitFor(() =>
      expect(useAppStore.getState().notices).toEqual([
        {
          level: 'error',
          message: 'The tenant was not switched. The keychain is locked. Unlock it and try again.',
          untilSwitch: true,
        },
      ]),
    );
    expect(screen.getByTestId('active-tenant').textContent).toBe('Acme');

    // Another tenant becomes active (here from elsewhere): the refusal goes in the same update.
    const seen: string[] = [];
    const unsubscribe = useTenantsStore.subscribe(() =>
      seen.push(
        `${useTenantsStore.getState().list?.activeTenantId}:${useAppStore.getState().notices.length}`,
      ),
    );
    act(() => bridge.push('tenants.changed', globexActive));
    unsubscribe();
    expect(seen).toEqual(['t-globex:0']);
    await waitFor(() => expect(screen.getByTestId('active-tenant').textContent).toBe('Globex'));
  });

  it('keeps the tenant when the user keeps the pending flow', async () => {
    const user = await refusedSwitchToGlobex(bridge, { code: 'flow_pending', message: 'A flow is pending.' });
    await user.click(await screen.findByRole('button', { name: 'Keep the flow' }));

    expect(bridge.callsTo('tenants.use')).toEqual([{ id: 't-globex' }]);
    expect(screen.getByTestId('active-tenant').textContent).toBe('Acme');
  });

  it('removes a tenant only after a confirmation that names it and says what is deleted', async () => {
    const user = userEvent.setup();
    const dialog = await openRemoveAcme(user, bridge);
    expect(dialog.textContent).toContain('the organization and user secrets of Acme');
    expect(dialog.textContent).toContain('its 1 saved OAuth app and their client secrets');
    expect(dialog.textContent).toContain('the instance tokens');
    expect(dialog.textContent).toContain('The instances on the platform are not touched.');
    const keep = within(dialog).getByRole<HTMLInputElement>('checkbox', {
      name: 'Keep the activity log of Acme',
    });
    expect(keep.checked).toBe(true);
    expect(bridge.callsTo('tenants.remove')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Remove tenant' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Acme' })).toBeNull());
    expect(bridge.callsTo('tenants.remove')).toEqual([{ id: 't-acme', keepActivity: true }]);
  });

  it('deletes the activity log with the tenant only when the user unticks "keep"', async () => {
    const user = userEvent.setup();
    const dialog = await openRemoveAcme(user, bridge);

    await user.click(within(dialog).getByRole('checkbox', { name: 'Keep the activity log of Acme' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove tenant' }));

    await waitFor(() =>
      expect(bridge.callsTo('tenants.remove')).toEqual([{ id: 't-acme', keepActivity: false }]),
    );
  });

  it('copies a secret through main and shows the verification outcome', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.copySecret'] = () => ok(null);
    bridge.answers['tenants.verify'] = () =>
      ok({
        ok: false,
        code: 'platform_unauthorized',
        message: 'The organization or user secret is wrong: the US platform refused them (401).',
      });
    renderWithTheme(<TenantsScreen />);
    const card = await screen.findByRole('region', { name: 'Acme' });

    await user.click(within(card).getByRole('button', { name: 'Copy the organization secret of Acme' }));
    expect(bridge.callsTo('tenants.copySecret')).toEqual([{ id: 't-acme', which: 'org' }]);
    expect(await within(card).findByText('Copied')).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Verify secrets' }));
    expect((await within(card).findByTestId('verification')).textContent).toMatch(
      /^The organization or user secret is wrong/,
    );
  });

  it('shows each tenant’s last check: not checked yet, or refused with the way to fix it', async () => {
    const refused = {
      state: 'refused' as const,
      checkedAt: Date.UTC(2024, 4, 17, 9, 30),
      message: 'Refused (401).',
    };
    bridge = installTenantsBridge({
      ...TWO_TENANTS,
      tenants: TWO_TENANTS.tenants.map((tenant) =>
        tenant.id === 't-globex' ? { ...tenant, check: refused } : tenant,
      ),
    });
    const user = userEvent.setup();
    renderWithTheme(<TenantsScreen />);
    const acme = await screen.findByRole('region', { name: 'Acme' });
    const globex = screen.getByRole('region', { name: 'Globex' });
    expect(within(globex).getByText('Secrets refused')).toBeTruthy();
    await user.click(within(globex).getByRole('button', { name: 'Show the details of Globex' }));
    expect(within(acme).getByTestId('tenant-check').textContent).toMatch(/^Secrets not checked yet/);
    expect(within(globex).getByTestId('tenant-check').textContent).toMatch(
      /^The platform refused these secrets \(checked .+\): rotate them with Edit\.$/,
    );
  });

  it('shows main’s recovery notice once among the app notices and tells main it was delivered', async () => {
    bridge.answers['tenants.list'] = () =>
      ok({
        ...TWO_TENANTS,
        tenants: [],
        activeTenantId: null,
        oauthApps: [],
        notice: 'The tenants file is damaged.',
      });
    renderWithTheme(<TenantsScreen />);
    expect(await screen.findByText('No tenants yet')).toBeTruthy();
    await waitFor(() => expect(bridge.callsTo('tenants.dismissNotice')).toHaveLength(1));
    await act(() => useTenantsStore.getState().load());
    expect(useAppStore.getState().notices).toEqual([
      { level: 'warning', message: 'The tenants file is damaged.' },
    ]);
  });

  it('saves an OAuth app for a tenant with the stepper’s callback rules', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.saveOAuthApp'] = (input) =>
      ok({ id: 'app-2', clientSecretHint: '••••', scope: null, ...(input as object) });
    renderWithTheme(<TenantsScreen />);
    const card = await screen.findByRole('region', { name: 'Globex' });
    await user.click(within(card).getByRole('button', { name: 'Show the details of Globex' }));
    await user.click(within(card).getByRole('button', { name: 'Save an OAuth app' }));
    const form = await screen.findByRole('form', { name: 'Save an OAuth app' });

    await user.type(within(form).getByLabelText(/^Name/), 'HubSpot');
    await user.type(within(form).getByLabelText(/^Client id/), 'hub-client');
    await user.type(within(form).getByLabelText(/^Client secret/), 'hub-client-secret-value');
    const callback = within(form).getByLabelText(/^Default callback URL/);
    await user.clear(callback);
    await user.type(callback, 'http://example.com/cb');
    await user.click(within(form).getByRole('button', { name: 'Save OAuth app' }));
    expect(within(form).getByText(/Plain http is only for this computer/)).toBeTruthy();

    await user.clear(callback);
    await user.type(callback, 'http://127.0.0.1:53682/callback');
    await user.click(within(form).getByRole('button', { name: 'Save OAuth app' }));

    await waitFor(() =>
      expect(bridge.callsTo('tenants.saveOAuthApp')).toEqual([
        {
          tenantId: 't-globex',
          name: 'HubSpot',
          clientId: 'hub-client',
          clientSecret: 'hub-client-secret-value',
          callbackUrl: 'http://127.0.0.1:53682/callback',
          scope: '',
        },
      ]),
    );
  });
});
