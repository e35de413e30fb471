// Team-store tenants on the Tenants screen under jsdom: adding one sends the store folder and entry
// path (checked first), the card says where secrets live and shares through main, and joining sends
// the pasted file and keeps main's sentence when this computer cannot read the store.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TenantsScreen } from '../../../../../renderer/features/tenants/tenants-screen';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { installTenantsBridge, ok, TWO_TENANTS, type FakeBridge } from '../../../../fakes/tenants-bridge';

const TEAM_ACME = {
  ...TWO_TENANTS,
  tenants: TWO_TENANTS.tenants.map((tenant, index) =>
    index === 0
      ? { ...tenant, teamStore: { dir: '/home/a/.password-store', entry: 'customers/acme' } }
      : tenant,
  ),
};

describe('team password store tenants', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    bridge = installTenantsBridge();
  });

  it('adds a tenant into a team store: the folder and entry path are checked, then sent', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.add'] = () => ok({ ...TEAM_ACME.tenants[0]!, id: 't-new', name: 'Initech' });
    renderWithTheme(<TenantsScreen />);
    await user.click(await screen.findByRole('button', { name: 'Add tenant' }));
    const form = await screen.findByRole('form', { name: 'Add a tenant' });
    await user.type(within(form).getByLabelText(/^Name/), 'Initech');
    await user.click(within(form).getByRole('radio', { name: 'Team password store' }));
    await user.type(within(form).getByLabelText(/^Organization secret/), 'org-secret-typed-0001');
    await user.type(within(form).getByLabelText(/^User secret/), 'user-secret-typed-0002');
    await user.type(within(form).getByLabelText(/^Entry path/), '../escape');
    await user.click(within(form).getByRole('button', { name: 'Add tenant' }));
    expect(within(form).getByText(/An entry path is folder names joined by \//)).toBeTruthy();
    expect(bridge.callsTo('tenants.add')).toEqual([]);

    await user.clear(within(form).getByLabelText(/^Entry path/));
    await user.type(within(form).getByLabelText(/^Entry path/), 'customers/initech');
    await user.click(within(form).getByRole('button', { name: 'Add tenant' }));
    await waitFor(() => expect(bridge.callsTo('tenants.add')).toHaveLength(1));
    expect(bridge.callsTo('tenants.add')[0]).toMatchObject({
      name: 'Initech',
      teamStore: { dir: '~/.password-store', entry: 'customers/initech' },
    });
  });

  it("says where each tenant's secrets live, and shares only a team-store tenant", async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.list'] = () => ok(TEAM_ACME);
    bridge.answers['tenants.share'] = () => ok({ path: '/home/a/acme.tenant.json' });
    renderWithTheme(<TenantsScreen />);
    const acme = await screen.findByRole('region', { name: 'Acme' });
    const globex = screen.getByRole('region', { name: 'Globex' });
    await user.click(within(globex).getByRole('button', { name: 'Show the details of Globex' }));
    expect(within(acme).getByTestId('secrets-home').textContent).toBe(
      'Secrets in the team password store: customers/acme',
    );
    expect(within(globex).getByTestId('secrets-home').textContent).toBe(
      "Secrets in this computer's keychain",
    );
    expect(within(globex).queryByRole('button', { name: 'Share' })).toBeNull();

    await user.click(within(acme).getByRole('button', { name: 'Share' }));
    expect(
      await within(acme).findByText(/Shared: \/home\/a\/acme\.tenant\.json holds no secret/),
    ).toBeTruthy();
    expect(bridge.callsTo('tenants.share')).toEqual([{ id: TEAM_ACME.tenants[0]!.id }]);
  });

  it("joins with the pasted file, and keeps the dialog with main's sentence when refused", async () => {
    const user = userEvent.setup();
    const refusal = "Your key is not among the store's recipients for customers/acme/org-secret.";
    bridge.answers['tenants.join'] = () => ({
      ok: false,
      error: { code: 'team_store_not_recipient', message: refusal },
    });
    renderWithTheme(<TenantsScreen />);
    await user.click(await screen.findByRole('button', { name: 'Join a shared tenant' }));
    const form = await screen.findByRole('form', { name: 'Join a shared tenant' });
    await user.click(within(form).getByRole('button', { name: 'Join tenant' }));
    expect(within(form).getByText('Choose or paste the shared tenant file.')).toBeTruthy();
    expect(bridge.callsTo('tenants.join')).toEqual([]);

    await user.click(within(form).getByLabelText(/^Shared tenant file/));
    await user.paste('{"format":"element-authenticator/tenant@1"}');
    await user.type(within(form).getByLabelText(/^Store folder/), '~/team');
    await user.click(within(form).getByRole('button', { name: 'Join tenant' }));
    expect(await within(form).findByText(refusal)).toBeTruthy();
    expect(bridge.callsTo('tenants.join')).toEqual([
      { document: '{"format":"element-authenticator/tenant@1"}', dir: '~/team' },
    ]);
  });
});
