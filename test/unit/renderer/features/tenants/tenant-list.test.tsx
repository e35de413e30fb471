// The tenant list with many customers: the active one first and open, the others one compact line
// each (opened on demand), and a search over name, environment and platform host that says when
// nothing matches and clears in one step.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantList, TenantView } from '../../../../../common/contract';
import { TenantsScreen } from '../../../../../renderer/features/tenants/tenants-screen';
import { orderedTenants, searchTenants } from '../../../../../renderer/features/tenants/tenant-list-model';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { installTenantsBridge, TWO_TENANTS } from '../../../../fakes/tenants-bridge';

const template = TWO_TENANTS.tenants[0]!;
const tenant = (id: string, name: string, extra: Partial<TenantView> = {}): TenantView => ({
  ...template,
  id,
  name,
  ...extra,
});

/** Fifty customers, in no order, the active one in the middle. */
const FIFTY: TenantList = {
  ...TWO_TENANTS,
  oauthApps: [],
  tenants: Array.from({ length: 50 }, (_, index) =>
    tenant(`t${index}`, `Customer ${String((index * 7) % 50).padStart(2, '0')}`),
  ),
  activeTenantId: 't25',
};

describe('the tenant list', { timeout: 30_000 }, () => {
  beforeEach(() => {
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
  });

  it('orders the active tenant first, then by name whatever the case', () => {
    const list: TenantList = {
      ...FIFTY,
      tenants: [tenant('a', 'globex'), tenant('b', 'Acme'), tenant('c', 'Initech')],
      activeTenantId: 'c',
    };
    expect(orderedTenants(list).map((one) => one.name)).toEqual(['Initech', 'Acme', 'globex']);
  });

  it('searches name, environment and platform host, every word', () => {
    const list = [
      tenant('a', 'Acme staging', { environment: 'staging' }),
      tenant('b', 'Globex', { environment: 'custom', baseUrl: 'https://ce.globex.example/elements/api-v2' }),
      tenant('c', 'Acme prod'),
    ];
    expect(searchTenants(list, 'acme').map((one) => one.id)).toEqual(['a', 'c']);
    expect(searchTenants(list, 'GLOBEX.example').map((one) => one.id)).toEqual(['b']);
    expect(searchTenants(list, 'acme prod').map((one) => one.id)).toEqual(['c']);
    expect(searchTenants(list, '   ').map((one) => one.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows fifty tenants as compact rows, the active one first and open; search narrows and clears', async () => {
    const user = userEvent.setup();
    installTenantsBridge(FIFTY);
    renderWithTheme(<TenantsScreen />);
    const cards = await screen.findAllByTestId('tenant-card');
    expect(cards).toHaveLength(50);
    const active = FIFTY.tenants.find((one) => one.id === 't25')!;
    expect(cards[0]!.getAttribute('data-tenant')).toBe(active.name);
    expect(within(cards[0]!).getByText('Active')).toBeTruthy();
    expect(
      within(cards[0]!).getByRole('button', { name: `Hide the details of ${active.name}` }),
    ).toBeTruthy();
    expect(within(cards[0]!).getByText('Organization secret')).toBeTruthy();
    // The others: one line each, their details one click (or key) away.
    expect(within(cards[1]!).queryByText('Organization secret')).toBeNull();
    const toggle = within(cards[1]!).getByRole('button', { name: /^Show the details of/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.type(screen.getByRole('textbox', { name: 'Search tenants' }), 'customer 4');
    expect(screen.getAllByTestId('tenant-card').map((card) => card.getAttribute('data-tenant'))).toEqual(
      [
        'Customer 40',
        'Customer 41',
        'Customer 42',
        'Customer 43',
        'Customer 44',
        'Customer 45',
        'Customer 46',
        'Customer 47',
        'Customer 48',
        'Customer 49',
        'Customer 04',
        'Customer 14',
        'Customer 24',
        'Customer 34',
      ].sort((a, b) => a.localeCompare(b)),
    );

    await user.clear(screen.getByRole('textbox', { name: 'Search tenants' }));
    await user.type(screen.getByRole('textbox', { name: 'Search tenants' }), 'nobody');
    expect(screen.queryAllByTestId('tenant-card')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toContain('No tenant matches “nobody”.');
    await user.click(screen.getByRole('button', { name: 'Show all tenants' }));
    expect(screen.getAllByTestId('tenant-card')).toHaveLength(50);
    await user.type(screen.getByRole('textbox', { name: 'Search tenants' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(screen.getByRole('textbox', { name: 'Search tenants' })).toHaveProperty('value', '');
  });
});
