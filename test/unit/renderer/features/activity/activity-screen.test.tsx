// The Activity screen under jsdom: the active tenant's entries newest first, filters by action and
// instance, the CSV export through main with those filters, a broken chain shown with its place,
// and an answer for a tenant no longer active dropped.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry, ActivityList, Result } from '../../../../../common/contract';
import { ActivityScreen } from '../../../../../renderer/features/activity/activity-screen';
import { useActivityStore } from '../../../../../renderer/stores/activity';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { installTenantsBridge, ok, TWO_TENANTS, type FakeBridge } from '../../../../fakes/tenants-bridge';

const entry = (seq: number, fields: Partial<ActivityEntry>): ActivityEntry => ({
  seq,
  time: new Date(Date.UTC(2024, 4, 17, 9, seq)).toISOString(),
  action: 'instance.tested',
  tenantId: 't-acme',
  tenantName: 'Acme',
  outcome: 'ok',
  source: 'app',
  details: {},
  ...fields,
});

const ACME: ActivityList = {
  tenantId: 't-acme',
  tenantName: 'Acme',
  chain: { ok: true },
  entries: [
    entry(4, {
      action: 'instances.exported',
      source: 'cli',
      details: { instanceIds: [7], secretsIncluded: true },
    }),
    entry(3, {
      action: 'instance.tested',
      instanceId: 7,
      outcome: 'failed',
      details: { code: 'platform_unauthorized' },
    }),
    entry(2, { action: 'instance.created', instanceId: 7, instanceName: 'Zoho EU' }),
    entry(1, { action: 'tenant.added', details: { environment: 'us' } }),
  ],
};

const rows = () => screen.getAllByRole('row').slice(1);
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  const input = screen.getAllByLabelText(label).find((element) => element.tagName === 'INPUT');
  await user.click(input as HTMLElement);
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('the Activity screen', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    useActivityStore.setState(useActivityStore.getInitialState(), true);
    bridge = installTenantsBridge();
    useTenantsStore.setState({ list: TWO_TENANTS });
  });

  it('lists the active tenant’s entries newest first and filters them by action and instance', async () => {
    const user = userEvent.setup();
    bridge.answers['activity.list'] = () => ok(ACME);
    renderWithTheme(<ActivityScreen />);

    expect(await screen.findByRole('heading', { name: 'Activity of Acme' })).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(bridge.callsTo('activity.list')).toEqual([{ tenantId: 't-acme' }]);
    expect(rows().map((row) => cells(row)[1])).toEqual([
      'Instances exported',
      'Instance tested',
      'Instance created',
      'Tenant added',
    ]);
    expect(cells(rows()[0]!).slice(2)).toEqual(['', 'OK', 'CLI', 'instanceIds: 7 · secretsIncluded: true']);
    expect(cells(rows()[1]!).slice(2, 5)).toEqual(['Zoho EU (7)', 'Failed', 'App']);

    await choose(user, 'Instance', 'Zoho EU (7)');
    expect(rows().map((row) => cells(row)[1])).toEqual(['Instance tested', 'Instance created']);
    await choose(user, 'Action', 'Instance created');
    expect(rows().map((row) => cells(row)[2])).toEqual(['Zoho EU (7)']);
  });

  it('leaves out an empty list in an entry’s details (an export of no instances)', async () => {
    bridge.answers['activity.list'] = () =>
      ok({
        ...ACME,
        entries: [
          entry(1, {
            action: 'instances.exported',
            details: { instanceIds: [], secretsIncluded: false, to: 'stdout' },
          }),
        ],
      });
    renderWithTheme(<ActivityScreen />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(cells(rows()[0]!)[5]).toBe('secretsIncluded: false · to: stdout');
  });

  it('exports the filtered entries as CSV through main and says where', async () => {
    const user = userEvent.setup();
    bridge.answers['activity.list'] = () => ok(ACME);
    bridge.answers['activity.export'] = () => ok({ path: '/home/me/acme-activity.csv', count: 1 });
    renderWithTheme(<ActivityScreen />);
    await waitFor(() => expect(rows()).toHaveLength(4));

    await choose(user, 'Action', 'Tenant added');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText('Exported 1 entry to /home/me/acme-activity.csv.')).toBeTruthy();
    expect(bridge.callsTo('activity.export')).toEqual([{ tenantId: 't-acme', action: 'tenant.added' }]);
  });

  it('warns where the hash chain breaks, and still shows the entries', async () => {
    bridge.answers['activity.list'] = () =>
      ok({
        ...ACME,
        chain: {
          ok: false,
          brokenAt: { file: 't-acme.jsonl', line: 2 },
          message: 't-acme.jsonl line 2: this entry was changed after it was written.',
        },
      });
    renderWithTheme(<ActivityScreen />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This activity log was changed outside the app');
    expect(alert.textContent).toContain(
      'breaks at t-acme.jsonl line 2: this entry was changed after it was written.',
    );
    expect(rows()).toHaveLength(4);
  });

  it('drops the answer for a tenant that is no longer active', async () => {
    let answerAcme: (result: Result<ActivityList>) => void = () => {};
    bridge.answers['activity.list'] = (input) =>
      (input as { tenantId: string }).tenantId === 't-acme'
        ? new Promise((resolve) => (answerAcme = resolve))
        : ok({ tenantId: 't-globex', tenantName: 'Globex', chain: { ok: true }, entries: [] });
    renderWithTheme(<ActivityScreen />);
    await waitFor(() => expect(bridge.callsTo('activity.list')).toHaveLength(1));

    act(() => useTenantsStore.setState({ list: { ...TWO_TENANTS, activeTenantId: 't-globex' } }));
    expect(await screen.findByText('Nothing recorded here yet')).toBeTruthy();
    await act(async () => answerAcme(ok(ACME)));

    expect(screen.getByRole('heading', { name: 'Activity of Globex' })).toBeTruthy();
    expect(screen.queryAllByRole('row')).toEqual([]);
    expect(useActivityStore.getState().list?.tenantId).toBe('t-globex');
  });
});
