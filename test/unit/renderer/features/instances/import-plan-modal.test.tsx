// The import plan under jsdom over a scripted bridge: what carries over and what does not, a name
// taken on the target fixed with its free name or a typed one (main plans again), the OAuth client
// chosen once per element, and the start handing the plan to the sign-in queue on the target tenant.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportItem, ImportPlanView, TenantList } from '../../../../../common/contract';
import { ImportPlanModal } from '../../../../../renderer/features/instances/import-plan-modal';
import { useImportPlanStore } from '../../../../../renderer/stores/import-plan';
import { useInstancesStore } from '../../../../../renderer/stores/instances';
import { useSignInQueueStore } from '../../../../../renderer/stores/sign-in-queue';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { installScriptedBridge, NOT_CHECKED, ok, type FakeBridge } from '../../../../fakes/bridge';
import { renderWithTheme } from '../../../../support/render';

const tenant = (id: string, name: string) => ({
  id,
  name,
  environment: 'us' as const,
  baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
  color: null,
  orgSecretHint: '••••',
  userSecretHint: '••••',
  check: NOT_CHECKED,
});
const tenants = (active: string): TenantList => ({
  tenants: [tenant('stage', 'Acme staging'), tenant('prod', 'Acme production')],
  activeTenantId: active,
  oauthApps: [
    {
      id: 'app-prod',
      tenantId: 'prod',
      name: 'Zoho prod',
      clientId: 'client-prod',
      callbackUrl: 'https://auth.acme.example/cb',
      scope: null,
      clientSecretHint: '••••',
    },
  ],
  notice: null,
});
const item = (sourceId: number, overrides: Partial<ImportItem> = {}): ImportItem => ({
  sourceId,
  sourceName: `crm-${sourceId}`,
  targetName: `crm-${sourceId}`,
  elementKey: 'zohocrmv2',
  tags: ['handover'],
  events: { 'event.notification.enabled': 'true' },
  configuration: { 'custom.setting': 'keep' },
  notCarried: [
    { key: 'oauth.api.key', reason: 'oauth-client' },
    { key: 'oauth.api.secret', reason: 'oauth-client' },
    { key: 'oauth.base.url', reason: 'data-center' },
    { key: 'event.notification.signature.key', reason: 'secret' },
  ],
  action: 'create',
  ...overrides,
});
const plan = (items: ImportItem[]): ImportPlanView => ({
  planId: 'plan-1',
  sourceTenant: 'Acme staging',
  targetTenantId: 'prod',
  targetTenantName: 'Acme production',
  items,
});
const taken = item(2, {
  action: 'skip',
  skipReason: 'The name “crm-2” is taken on the target by a hubspotcrm instance.',
  freeName: 'crm-2 (2)',
});

let bridge: FakeBridge;
beforeEach(() => {
  bridge = installScriptedBridge({
    'imports.plan': () => ok(plan([item(1), taken])),
    'imports.replan': (input) => {
      const { renames } = input as { renames: Record<string, string> };
      return ok(
        plan([
          item(1, { targetName: renames[1] ?? 'crm-1' }),
          renames[2] ? item(2, { targetName: renames[2] }) : taken,
        ]),
      );
    },
    'tenants.use': (input) => ok(tenants((input as { id: string }).id)),
    'flow.reset': () => ok({ step: 'idle' }),
    'queue.save': () => ok(null),
  });
  useTenantsStore.setState({ list: tenants('stage') });
});
afterEach(() => {
  useImportPlanStore.setState(useImportPlanStore.getInitialState(), true);
  useSignInQueueStore.setState(useSignInQueueStore.getInitialState(), true);
  useInstancesStore.setState(useInstancesStore.getInitialState(), true);
  useTenantsStore.setState(useTenantsStore.getInitialState(), true);
});

describe('the import plan', () => {
  it('shows what carries over and what does not, before anything happens', async () => {
    renderWithTheme(<ImportPlanModal />);
    await useImportPlanStore.getState().open({ from: 'tenant', tenantId: 'stage', ids: [1, 2] }, 'prod');
    expect(await screen.findByText('Import into Acme production')).toBeTruthy();
    expect(screen.getByTestId('import-plan-summary').textContent).toContain(
      'From Acme staging: 1 to create, 1 skipped.',
    );
    const rows = within(screen.getByRole('table', { name: 'Import plan' })).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('2 settings · events on · tags handover');
    expect(rows[1]!.textContent).toContain('OAuth client (2), data center (1), secrets (1)');
    expect(rows[2]!.textContent).toContain('is taken on the target by a hubspotcrm instance');

    const user = userEvent.setup({ delay: null });
    const show = screen.getByRole('button', { name: 'Show settings of “crm-1”' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await user.click(show);
    const details = document.getElementById(show.getAttribute('aria-controls') ?? '');
    expect(details?.textContent).toContain('custom.settingkeep');
    expect(details?.textContent).toContain('event.notification.enabledtrue');
    expect(details?.textContent).toContain('oauth.base.urldata center');
    expect(details?.textContent).toContain('event.notification.signature.keysecrets');
    expect(bridge.callsTo('imports.plan')).toEqual([
      { source: { from: 'tenant', tenantId: 'stage', ids: [1, 2] }, targetTenantId: 'prod' },
    ]);
  });

  it('fixes a taken name with its free name or a typed one, main planning again', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithTheme(<ImportPlanModal />);
    await useImportPlanStore.getState().open({ from: 'file' }, 'prod');
    await user.click(await screen.findByRole('button', { name: 'Import as “crm-2 (2)”' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start 2 sign-ins' })).toBeTruthy());
    expect(bridge.callsTo('imports.replan').at(-1)).toEqual({
      planId: 'plan-1',
      renames: { 2: 'crm-2 (2)' },
    });

    const name = screen.getByLabelText('Name on the target for “crm-1”');
    await user.clear(name);
    await user.type(name, 'CRM production{Enter}');
    await waitFor(() =>
      expect(bridge.callsTo('imports.replan').at(-1)).toEqual({
        planId: 'plan-1',
        renames: { 1: 'CRM production', 2: 'crm-2 (2)' },
      }),
    );
  });

  it('starts the sign-ins on the target with the OAuth client chosen for the element', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithTheme(<ImportPlanModal />);
    await useImportPlanStore.getState().open({ from: 'file' }, 'prod');
    const [client] = await screen.findAllByLabelText('OAuth client for zohocrmv2');
    expect((client as HTMLInputElement).value).toBe('Zoho prod (client-prod)');
    await user.click(screen.getByRole('button', { name: 'Start 1 sign-in' }));
    await waitFor(() =>
      expect(useInstancesStore.getState().importing).toMatchObject({ tenantId: 'prod', name: 'crm-1' }),
    );
    expect(bridge.callsTo('tenants.use')).toEqual([{ id: 'prod', abandonPendingFlow: undefined }]);
    expect(
      useSignInQueueStore
        .getState()
        .items.map((queued) => [queued.status, queued.kind === 'import' && queued.oauthAppId]),
    ).toEqual([
      ['left', 'app-prod'],
      ['skipped', 'app-prod'],
    ]);
    expect(screen.queryByText('Import into Acme production')).toBeNull();
  });

  it('shows nothing when the file dialog is cancelled, and the sentence when main refuses', async () => {
    bridge.answers['imports.plan'] = () => ({
      ok: false,
      error: { code: 'cancelled', message: 'The import was cancelled: no file was read.' },
    });
    renderWithTheme(<ImportPlanModal />);
    await useImportPlanStore.getState().open({ from: 'file' }, 'prod');
    expect(screen.queryByRole('dialog')).toBeNull();
    bridge.answers['imports.plan'] = () => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The file is not JSON: choose an instances export of Element Authenticator.',
      },
    });
    await useImportPlanStore.getState().open({ from: 'file' }, 'prod');
    expect(
      await screen.findByText('The file is not JSON: choose an instances export of Element Authenticator.'),
    ).toBeTruthy();
  });
});
