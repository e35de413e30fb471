// The tenant form under jsdom: validation in plain words before anything reaches main, the exact
// add/update payloads, secrets never prefilled (hints only) and gone from the page after saving.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { TenantsScreen } from '../../../../../renderer/features/tenants/tenants-screen';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { installTenantsBridge, ok, TWO_TENANTS, type FakeBridge } from '../../../../fakes/tenants-bridge';

const NEW_ORG = 'org-secret-typed-0001-NEWO';
const NEW_USER = 'user-secret-typed-0002-NEWU';

async function openAddForm(user: ReturnType<typeof userEvent.setup>) {
  renderWithTheme(<TenantsScreen />);
  await user.click(await screen.findByRole('button', { name: 'Add tenant' }));
  return screen.findByRole('form', { name: 'Add a tenant' });
}

describe('tenant form', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    bridge = installTenantsBridge();
  });

  it('says what is missing and sends nothing', async () => {
    const user = userEvent.setup();
    const form = await openAddForm(user);

    await user.click(within(form).getByRole('button', { name: 'Add tenant' }));

    expect(within(form).getByText('Give the tenant a name, e.g. the customer and environment.')).toBeTruthy();
    expect(within(form).getByText('Enter the organization secret.')).toBeTruthy();
    expect(within(form).getByText('Enter the user secret.')).toBeTruthy();
    expect(bridge.callsTo('tenants.add')).toEqual([]);
  });

  it('refuses a name that exists in another case, and plain http to a remote host', async () => {
    const user = userEvent.setup();
    const form = await openAddForm(user);

    await user.type(within(form).getByLabelText(/^Name/), 'ACME ');
    await user.click(within(form).getByRole('radio', { name: 'Custom URL' }));
    await user.type(within(form).getByLabelText(/^Platform URL/), 'http://ce.example.com/elements/api-v2');
    await user.click(within(form).getByRole('button', { name: 'Add tenant' }));

    expect(within(form).getByText('A tenant named “Acme” already exists.')).toBeTruthy();
    expect(
      within(form).getByText(
        'Plain http is only for this computer (127.0.0.1, localhost or [::1]); use https for anything else.',
      ),
    ).toBeTruthy();
    expect(bridge.callsTo('tenants.add')).toEqual([]);
  });

  it('adds a tenant with the exact payload, checks its secrets, and forgets what was typed', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.add'] = () =>
      ok({ ...TWO_TENANTS.tenants[1]!, id: 't-initech', name: 'Initech EU' });
    const form = await openAddForm(user);

    await user.type(within(form).getByLabelText(/^Name/), 'Initech EU');
    await user.click(within(form).getByRole('radio', { name: 'EU' }));
    await user.click(within(form).getByRole('radio', { name: 'Orange' }));
    await user.type(within(form).getByLabelText(/^Organization secret/), NEW_ORG);
    await user.type(within(form).getByLabelText(/^User secret/), NEW_USER);
    await user.click(within(form).getByRole('button', { name: 'Add tenant' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add a tenant' })).toBeNull());
    expect(bridge.callsTo('tenants.add')).toEqual([
      { name: 'Initech EU', environment: 'eu', color: '#e8590c', orgSecret: NEW_ORG, userSecret: NEW_USER },
    ]);
    await waitFor(() => expect(bridge.callsTo('tenants.verify')).toEqual([{ id: 't-initech' }]));
    expect(document.body.innerHTML).not.toContain(NEW_ORG);
    expect(document.body.innerHTML).not.toContain(NEW_USER);
    expect(JSON.stringify(useTenantsStore.getState())).not.toContain(NEW_ORG);
  });

  it('keeps the form open with main’s sentence when main refuses', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.add'] = () => ({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'The system keychain is not available.' },
    });
    const form = await openAddForm(user);
    await user.type(within(form).getByLabelText(/^Name/), 'Initech');
    await user.type(within(form).getByLabelText(/^Organization secret/), NEW_ORG);
    await user.type(within(form).getByLabelText(/^User secret/), NEW_USER);
    await user.click(within(form).getByRole('button', { name: 'Add tenant' }));

    expect(await within(form).findByRole('alert')).toHaveProperty(
      'textContent',
      'The system keychain is not available.',
    );
    expect(screen.getByRole('form', { name: 'Add a tenant' })).toBeTruthy();
  });

  it('edits with empty secret fields and hints; leaving them empty keeps the stored secrets', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.update'] = (input) => ok({ ...TWO_TENANTS.tenants[0]!, ...(input as object) });
    renderWithTheme(<TenantsScreen />);
    const card = await screen.findByRole('region', { name: 'Acme' });
    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit Acme' });

    const org = within(form).getByLabelText(/^Organization secret/) as HTMLInputElement;
    const usr = within(form).getByLabelText(/^User secret/) as HTMLInputElement;
    expect([org.type, org.value, usr.type, usr.value]).toEqual(['password', '', 'password', '']);
    expect(within(form).getByText('Stored: ••••ABCD. Leave empty to keep it.')).toBeTruthy();
    expect(within(form).getByText('Stored: ••••WXYZ. Leave empty to keep it.')).toBeTruthy();

    const name = within(form).getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Acme Production');
    await user.click(within(form).getByLabelText('Check the secrets with the platform after saving'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(bridge.callsTo('tenants.update')).toEqual([{ id: 't-acme', name: 'Acme Production' }]),
    );
    expect(bridge.callsTo('tenants.verify')).toEqual([]);
  });

  it('sends only the rotated secret', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.update'] = () => ok(TWO_TENANTS.tenants[0]!);
    renderWithTheme(<TenantsScreen />);
    const card = await screen.findByRole('region', { name: 'Acme' });
    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit Acme' });

    await user.type(within(form).getByLabelText(/^User secret/), NEW_USER);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(bridge.callsTo('tenants.update')).toEqual([{ id: 't-acme', userSecret: NEW_USER }]),
    );
    await waitFor(() => expect(bridge.callsTo('tenants.verify')).toEqual([{ id: 't-acme' }]));
  });

  it('asks for both secrets again before a tenant moves to another platform', async () => {
    const user = userEvent.setup();
    bridge.answers['tenants.update'] = () => ok(TWO_TENANTS.tenants[0]!);
    renderWithTheme(<TenantsScreen />);
    const card = await screen.findByRole('region', { name: 'Acme' });
    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit Acme' });

    await user.click(within(form).getByRole('radio', { name: 'EU' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    const again = ' again: the tenant moves to another platform.';
    expect(within(form).getByText(`Enter the organization secret${again}`)).toBeTruthy();
    expect(within(form).getByText(`Enter the user secret${again}`)).toBeTruthy();
    expect(bridge.callsTo('tenants.update')).toEqual([]);

    await user.type(within(form).getByLabelText(/^Organization secret/), NEW_ORG);
    await user.type(within(form).getByLabelText(/^User secret/), NEW_USER);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(bridge.callsTo('tenants.update')).toEqual([
        { id: 't-acme', environment: 'eu', orgSecret: NEW_ORG, userSecret: NEW_USER },
      ]),
    );
  });

  it('chooses the colour from one Tab stop with the arrow keys, each colour by its name', async () => {
    const user = userEvent.setup();
    const form = await openAddForm(user);
    const group = within(form).getByRole('radiogroup', { name: 'Colour' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('aria-label'))).toEqual([
      'No colour',
      'Blue',
      'Green',
      'Orange',
      'Pink',
      'Violet',
      'Teal',
      'Amber',
      'Grey',
    ]);
    expect(radios.filter((radio) => radio.tabIndex === 0)).toEqual([radios[0]]);
    radios[0]!.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    const green = within(group).getByRole('radio', { name: 'Green' });
    expect(green.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(green);
    expect(
      within(group)
        .getAllByRole('radio')
        .filter((radio) => radio.tabIndex === 0),
    ).toEqual([green]);
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(within(group).getByRole('radio', { name: 'Grey' }).getAttribute('aria-checked')).toBe('true');
  });
});
