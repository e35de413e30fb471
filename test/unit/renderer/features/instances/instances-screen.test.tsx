// The Instances screen under jsdom over a scripted bridge: the table model (filter, sort), a
// virtualized body that keeps only a window of 10,000 rows in the DOM, selection, the delete
// confirmation naming the tenant, and the re-authenticate intent left for the stepper.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InstanceDetail, InstanceList, InstanceSummary } from '../../../../../common/contract';
import { nextSort, visibleRows, type Sort } from '../../../../../renderer/models/instance-rows';
import { InstancesScreen } from '../../../../../renderer/features/instances/instances-screen';
import { InstancesTable, ROW_HEIGHT } from '../../../../../renderer/features/instances/instances-table';
import { OVERSCAN } from '../../../../../renderer/features/shell/row-window';
import { useAppStore } from '../../../../../renderer/stores/app';
import { useInstancesStore } from '../../../../../renderer/stores/instances';
import { renderWithTheme } from '../../../../support/render';
import { installFakeBridge, ok, type FakeBridge } from '../../../../fakes/stepper-bridge';

const VIEWPORT = 600;

function summary(id: number, overrides: Partial<InstanceSummary> = {}): InstanceSummary {
  return {
    id,
    name: `instance-${id}`,
    elementKey: 'zohocrmv2',
    createdDate: new Date(Date.UTC(2024, 0, 1) + id * 60_000).toISOString(),
    valid: true,
    disabled: false,
    tags: [],
    ...overrides,
  };
}

const ROWS: InstanceSummary[] = [
  summary(3, { name: 'Beta CRM', tags: ['beta', 'crm'], createdDate: '2024-03-01T10:00:00Z' }),
  summary(1, { name: 'acme crm', tags: ['acme'], createdDate: '2024-01-01T10:00:00Z' }),
  summary(2, {
    name: 'Acme HubSpot',
    elementKey: 'hubspotcrm',
    tags: ['acme', 'marketing'],
    disabled: true,
    createdDate: '2024-02-01T10:00:00Z',
  }),
  summary(10, { name: 'Gamma', valid: false, createdDate: '2023-12-01T10:00:00Z' }),
];

const listOf = (instances: InstanceSummary[]): InstanceList => ({
  tenantId: 't-acme',
  tenantName: 'Acme Corp',
  instances,
});

describe('the table model', () => {
  const names = (rows: InstanceSummary[]) => rows.map((row) => row.name);
  const byName: Sort = { key: 'name', direction: 'asc' };

  it('filters by every word, case-insensitively, over name, element, id and tags', () => {
    expect(names(visibleRows(ROWS, 'ACME', byName))).toEqual(['acme crm', 'Acme HubSpot']);
    expect(names(visibleRows(ROWS, 'acme marketing', byName))).toEqual(['Acme HubSpot']);
    expect(names(visibleRows(ROWS, 'hubspotcrm', byName))).toEqual(['Acme HubSpot']);
    expect(names(visibleRows(ROWS, '10', byName))).toEqual(['Gamma']);
    expect(names(visibleRows(ROWS, '  ', byName))).toHaveLength(4);
    expect(visibleRows(ROWS, 'nothing-like-this', byName)).toEqual([]);
  });

  it('sorts by name, id, created date, status and element, both ways', () => {
    expect(names(visibleRows(ROWS, '', byName))).toEqual(['acme crm', 'Acme HubSpot', 'Beta CRM', 'Gamma']);
    expect(names(visibleRows(ROWS, '', { key: 'name', direction: 'desc' }))).toEqual([
      'Gamma',
      'Beta CRM',
      'Acme HubSpot',
      'acme crm',
    ]);
    expect(visibleRows(ROWS, '', { key: 'id', direction: 'asc' }).map((row) => row.id)).toEqual([
      1, 2, 3, 10,
    ]);
    expect(names(visibleRows(ROWS, '', { key: 'createdDate', direction: 'desc' }))).toEqual([
      'Beta CRM',
      'Acme HubSpot',
      'acme crm',
      'Gamma',
    ]);
    expect(names(visibleRows(ROWS, '', { key: 'status', direction: 'asc' }))).toEqual([
      'acme crm',
      'Beta CRM',
      'Gamma',
      'Acme HubSpot',
    ]);
    expect(names(visibleRows(ROWS, '', { key: 'elementKey', direction: 'asc' }))[0]).toBe('Acme HubSpot');
    expect(ROWS.map((row) => row.id)).toEqual([3, 1, 2, 10]);
  });

  it('flips the direction on the same column and starts a new one ascending (newest first for dates)', () => {
    expect(nextSort(byName, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort(byName, 'id')).toEqual({ key: 'id', direction: 'asc' });
    expect(nextSort(byName, 'createdDate')).toEqual({ key: 'createdDate', direction: 'desc' });
  });
});

/** jsdom lays nothing out: give the table's scroll box a real height so the virtualizer has a window. */
function giveScrollBoxAHeight() {
  const size = (fallback: (element: HTMLElement) => number, value: number) =>
    function (this: HTMLElement) {
      return this.dataset.testid === 'instances-scroll' ? value : fallback(this);
    };
  const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')?.get;
  const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')?.get;
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(
    size((element) => height?.call(element) ?? 0, VIEWPORT),
  );
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(
    size((element) => width?.call(element) ?? 0, 1000),
  );
}

describe('the virtualized table', () => {
  beforeEach(() => {
    giveScrollBoxAHeight();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps only a window of 10,000 rows in the DOM, and moves it when scrolled', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => summary(index + 1));
    renderWithTheme(
      <InstancesTable
        rows={rows}
        sort={{ key: 'id', direction: 'asc' }}
        selected={new Set()}
        openId={null}
        maxHeight="600px"
        onSort={() => {}}
        onToggle={() => {}}
        onSelectRows={() => {}}
        onOpen={() => {}}
      />,
    );
    const rendered = () => screen.getAllByTestId('instance-row');
    await waitFor(() => expect(rendered().length).toBeGreaterThan(5));
    expect(rendered().length).toBeLessThanOrEqual(Math.ceil(VIEWPORT / ROW_HEIGHT) + 2 * 8 + 1);
    expect(rendered()[0]?.textContent).toContain('instance-1');
    expect(screen.getByRole('table', { name: 'Instances' }).getAttribute('aria-rowcount')).toBe('10001');

    const scroller = screen.getByTestId('instances-scroll');
    act(() => {
      scroller.scrollTop = 5_000 * ROW_HEIGHT;
      fireEvent.scroll(scroller);
    });
    await waitFor(() =>
      expect(rendered().some((row) => row.textContent?.includes('instance-5001'))).toBe(true),
    );
    expect(rendered().some((row) => row.textContent?.includes('instance-1zohocrmv2'))).toBe(false);
    expect(rendered().length).toBeLessThan(40);
  });
});

describe('a filter that matches nothing, then everything again', () => {
  const observers: (() => void)[] = [];
  beforeEach(() => {
    // A ResizeObserver the test makes report, as the browser does after a layout that resized the box.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly report: () => void) {}
        observe() {
          observers.push(this.report);
        }
        disconnect() {}
        unobserve() {}
      },
    );
  });
  afterEach(() => {
    observers.length = 0;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('draws every row in view in the render that brings the rows back, before the box is measured', async () => {
    // The box is as tall as its rows, up to VIEWPORT px (as the table's style and max-height make it).
    const box = (element: HTMLElement) => element.dataset.testid === 'instances-scroll';
    const rowsHeight = (element: HTMLElement) => parseFloat(element.style.height) || 0;
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return box(this) ? Math.min(rowsHeight(this), VIEWPORT) : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return box(this) ? rowsHeight(this) : 0;
    });
    const all = Array.from({ length: 10_000 }, (_, index) => summary(index + 1));
    const table = (rows: InstanceSummary[]) => (
      <InstancesTable
        rows={rows}
        sort={{ key: 'id', direction: 'asc' }}
        selected={new Set()}
        openId={null}
        maxHeight={`${VIEWPORT}px`}
        onSort={() => {}}
        onToggle={() => {}}
        onSelectRows={() => {}}
        onOpen={() => {}}
      />
    );
    const drawn = () => screen.queryAllByTestId('instance-row').length;
    const inView = Math.ceil(VIEWPORT / ROW_HEIGHT);
    const { rerender } = renderWithTheme(table(all));
    expect(drawn()).toBeGreaterThanOrEqual(inView);

    rerender(table([]));
    act(() => observers.forEach((report) => report())); // the box shrank to nothing
    expect(drawn()).toBe(0);

    rerender(table(all));
    // The rows in view, and not yet the overscan below them: that comes with the next frame.
    expect(drawn()).toBe(inView);
    await waitFor(() => expect(drawn()).toBe(inView + OVERSCAN));
  });
});

describe('the instances screen', () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    giveScrollBoxAHeight();
    useInstancesStore.setState({
      list: null,
      error: null,
      filter: '',
      sort: { key: 'name', direction: 'asc' },
      selected: new Set(),
      openId: null,
      detail: null,
      reauthenticate: null,
    });
    useAppStore.setState({ screen: 'instances' });
    bridge = installFakeBridge();
    bridge.answers['instances.list'] = () => ok(listOf(ROWS));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function renderScreen() {
    renderWithTheme(<InstancesScreen />);
    await screen.findByText('Acme Corp · 4 instances');
  }
  const rowNames = () =>
    screen.getAllByTestId('instance-row').map((row) => within(row).getAllByRole('cell')[1]?.textContent);

  it('filters and sorts what main listed', async () => {
    const user = userEvent.setup();
    await renderScreen();
    expect(rowNames()).toEqual(['acme crm', 'Acme HubSpot', 'Beta CRM', 'Gamma']);

    await user.type(screen.getByLabelText('Filter instances'), 'acme');
    expect(rowNames()).toEqual(['acme crm', 'Acme HubSpot']);
    expect(screen.getByTestId('instances-summary').textContent).toBe('Acme Corp · 2 of 4 instances');

    await user.clear(screen.getByLabelText('Filter instances'));
    await user.click(screen.getByRole('button', { name: 'Created' }));
    expect(rowNames()).toEqual(['Beta CRM', 'Acme HubSpot', 'acme crm', 'Gamma']);
    expect(screen.getByRole('columnheader', { name: 'Created' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('keeps the table, empty, while no instance matches, and shows the rows again when the filter is erased', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const filter = screen.getByLabelText('Filter instances');
    await user.type(filter, 'zzz');
    expect(screen.getByText('No instance matches “zzz”.')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Instances' }).getAttribute('aria-rowcount')).toBe('1');
    expect(screen.queryAllByTestId('instance-row')).toEqual([]);
    expect(screen.getByTestId('instances-summary').textContent).toBe('Acme Corp · 0 of 4 instances');

    await user.clear(filter);
    expect(rowNames()).toEqual(['acme crm', 'Acme HubSpot', 'Beta CRM', 'Gamma']);
    expect(screen.queryByText(/No instance matches/)).toBeNull();
  });

  it('selects rows for export and shows the export choice with secrets off', async () => {
    const user = userEvent.setup();
    await renderScreen();
    expect((screen.getByRole('button', { name: 'Export selected' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select Beta CRM' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Gamma' }));
    expect(screen.getByTestId('instances-summary').textContent).toBe('Acme Corp · 4 instances · 2 selected');

    bridge.answers['instances.export'] = () =>
      ok({ path: '/tmp/acme.json', count: 2, secretsIncluded: false });
    await user.click(screen.getByRole('button', { name: 'Export selected' }));
    await user.click(await screen.findByRole('button', { name: 'Export 2 instances…' }));

    await screen.findByText(/Exported 2 instances to \/tmp\/acme\.json, secrets redacted\./);
    expect(bridge.callsTo('instances.export')).toEqual([
      { ids: [3, 10], includeSecrets: false, tenantId: 't-acme' },
    ]);
  });

  it('asks for the instance name before deleting and names the tenant', async () => {
    const user = userEvent.setup();
    const detail: InstanceDetail = {
      tenantId: 't-acme',
      tenantName: 'Acme Corp',
      instance: { id: 3, name: 'Beta CRM', token: '********', element: { key: 'zohocrmv2' } },
      configuration: [{ key: 'oauth.user.token', value: '********', secret: true }],
      tokenHint: '••••AAA=',
    };
    bridge.answers['instances.get'] = () => ok(detail);
    bridge.answers['instances.delete'] = () => ok({ id: 3, name: 'Beta CRM' });
    await renderScreen();

    await user.click(screen.getAllByTestId('instance-row')[2] as HTMLElement);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const modal = await screen.findByRole('dialog', { name: 'Delete this instance from Acme Corp?' });
    const confirm = within(modal).getByRole('button', { name: 'Delete from Acme Corp' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(within(modal).getByLabelText('Instance name to confirm'), 'Beta CR');
    expect(confirm.disabled).toBe(true);
    await user.type(within(modal).getByLabelText('Instance name to confirm'), 'M');
    await user.click(confirm);

    await waitFor(() => expect(rowNames()).toEqual(['acme crm', 'Acme HubSpot', 'Gamma']));
    expect(bridge.callsTo('instances.delete')).toEqual([
      { id: 3, confirmName: 'Beta CRM', tenantId: 't-acme' },
    ]);
    expect(screen.getByTestId('delete-done').textContent).toBe('Deleted “Beta CRM” (#3) from Acme Corp.');
  });

  it('leaves a re-authenticate intent for the stepper and opens the Authenticate screen', async () => {
    const user = userEvent.setup();
    bridge.answers['instances.get'] = () =>
      ok({
        tenantId: 't-acme',
        tenantName: 'Acme Corp',
        instance: { id: 1, name: 'acme crm', element: { key: 'zohocrmv2' } },
        configuration: [],
        tokenHint: '',
      });
    await renderScreen();
    await user.click(screen.getAllByTestId('instance-row')[0] as HTMLElement);
    await user.click(await screen.findByRole('button', { name: 'Re-authenticate' }));

    expect(useInstancesStore.getState().reauthenticate).toEqual({
      tenantId: 't-acme',
      instanceId: 1,
      name: 'acme crm',
      elementKey: 'zohocrmv2',
    });
    expect(useAppStore.getState().screen).toBe('authenticate');
  });

  it('sends the user to Tenants when there is no active tenant, and says other failures in words', async () => {
    bridge.answers['instances.list'] = () => ({
      ok: false,
      error: { code: 'no_active_tenant', message: 'Choose a tenant.' },
    });
    renderWithTheme(<InstancesScreen />);
    await screen.findByText('Choose a tenant first');

    bridge.answers['instances.list'] = () => ({
      ok: false,
      error: { code: 'platform_unreachable', message: 'Could not reach the platform at api.example.com.' },
    });
    await act(() => useInstancesStore.getState().load());
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Could not reach the platform'),
    );
  });
});
