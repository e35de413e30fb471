// The stepper under jsdom over a scripted bridge: validation blocks flow.start, a denied consent
// shows the vendor's error, the code countdown runs, and the form survives a failure.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowView } from '../../../../../common/contract';
import { StepperScreen } from '../../../../../renderer/features/stepper/stepper-screen';
import { useAppStore } from '../../../../../renderer/stores/app';
import { useFlowStore } from '../../../../../renderer/stores/flow';
import { useInstancesStore } from '../../../../../renderer/stores/instances';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { flowBase, installFakeBridge, ok, type FakeBridge } from '../../../../fakes/stepper-bridge';

const AWAITING: FlowView = {
  step: 'awaiting-consent',
  ...flowBase,
  authUrl: 'https://accounts.zoho.com/oauth2/auth?client_id=cid&state=s1',
  callbackUrl: 'http://127.0.0.1:53682/callback',
  door: 'loopback',
  waitUntil: Date.now() + 600_000,
};

async function renderStepper() {
  renderWithTheme(<StepperScreen />);
  await screen.findByRole('button', { name: /get the sign-in link/i });
}

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/instance name/i), 'Acme CRM');
  await user.type(screen.getByLabelText(/oauth client id/i), 'cid-123');
  await user.type(screen.getByLabelText(/oauth client secret/i), 'client-secret-xyz');
  const callback = screen.getByLabelText(/callback url/i);
  await user.clear(callback);
  await user.type(callback, 'http://127.0.0.1:53682/callback');
}

/** Types a client id and secret, submits step 1, and gives what flow.start received. */
async function startWithTypedClient(user: ReturnType<typeof userEvent.setup>, bridge: FakeBridge) {
  await user.type(screen.getByLabelText(/oauth client id/i), 'cid-123');
  await user.type(screen.getByLabelText(/oauth client secret/i), 'client-secret-xyz');
  bridge.answers['flow.start'] = () => ok(AWAITING);
  await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
  await waitFor(() => expect(bridge.callsTo('flow.start')).toHaveLength(1));
  return bridge.callsTo('flow.start')[0];
}

describe('stepper', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useFlowStore.setState(useFlowStore.getInitialState(), true);
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    useInstancesStore.setState(useInstancesStore.getInitialState(), true);
    bridge = installFakeBridge();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows who it acts on and prefills the Zoho scope from the preset', async () => {
    await renderStepper();
    expect(screen.getByTestId('acting-on').textContent).toContain('Acme Corp');
    await waitFor(() =>
      expect((screen.getByLabelText(/scope/i) as HTMLTextAreaElement).value).toContain('ZohoCRM.modules.all'),
    );
  });

  it('blocks flow.start until required fields, the callback URL and the poller JSON are valid', async () => {
    const user = userEvent.setup({ delay: null });
    await renderStepper();
    await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
    expect(await screen.findByText(/give the instance a name/i)).toBeTruthy();
    expect(screen.getByText(/enter the oauth client id/i)).toBeTruthy();
    expect(screen.getByText(/enter the oauth client secret/i)).toBeTruthy();

    await fillValidForm(user);
    const callback = screen.getByLabelText(/callback url/i);
    await user.clear(callback);
    await user.type(callback, 'http://example.com/callback');
    expect(await screen.findByText(/plain http is only for this computer/i)).toBeTruthy();
    await user.clear(callback);
    await user.type(callback, 'http://127.0.0.1:53682/callback');

    await user.click(screen.getByRole('button', { name: /events/i }));
    await user.click(screen.getByLabelText(/send event notifications/i));
    const poller = screen.getByLabelText(/poller configuration \(json\)/i);
    await user.clear(poller);
    await user.type(poller, '{{"contacts": {{"url": "/hubs/crm/contacts",{enter}}');
    await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
    expect(await screen.findByText(/not valid JSON: look at line 2/i)).toBeTruthy();
    expect(bridge.callsTo('flow.start')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: /use zoho crm v2 example/i }));
    bridge.answers['flow.start'] = () => ok(AWAITING);
    await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
    await waitFor(() => expect(bridge.callsTo('flow.start')).toHaveLength(1));
    expect(bridge.callsTo('flow.start')[0]).toMatchObject({
      tenant: 't-acme',
      elementKey: 'zohocrmv2',
      instanceName: 'Acme CRM',
      apiKey: 'cid-123',
      apiSecret: 'client-secret-xyz',
      callbackUrl: 'http://127.0.0.1:53682/callback',
      events: { enabled: true, vendorType: 'polling', refreshIntervalMinutes: 15 },
    });
    expect(bridge.callsTo('flow.start')[0]).not.toHaveProperty('reauthenticateInstanceId');
    expect(await screen.findByText(/waiting for the customer to sign in/i)).toBeTruthy();
    expect(screen.getByTestId('auth-url').textContent).toContain('accounts.zoho.com/oauth2/auth');
  });

  it('shows a denied consent with the vendor error and its description', async () => {
    await renderStepper();
    act(() =>
      bridge.push('flow.changed', {
        step: 'failed',
        ...flowBase,
        error: {
          code: 'consent_denied',
          message:
            'The sign-in was declined at the vendor (access_denied: User refused). Start again and approve the access.',
          details: { vendorError: 'access_denied', vendorErrorDescription: 'User refused' },
        },
      }),
    );
    const failed = await screen.findByTestId('flow-failed');
    expect(within(failed).getByText('The sign-in was declined')).toBeTruthy();
    const details = within(failed).getByTestId('failure-details');
    expect(within(details).getByText('access_denied')).toBeTruthy();
    expect(within(details).getByText('User refused')).toBeTruthy();
    expect(within(failed).getByRole('button', { name: /start again/i })).toBeTruthy();
  });

  it('sends a 401 to the Tenants screen', async () => {
    await renderStepper();
    act(() =>
      bridge.push('flow.changed', {
        step: 'failed',
        ...flowBase,
        error: {
          code: 'platform_unauthorized',
          message: 'The platform refused the organization or user secret.',
        },
      }),
    );
    const failed = await screen.findByTestId('flow-failed');
    expect(within(failed).getByText(/check the organization and user secrets of acme corp/i)).toBeTruthy();
    expect(within(failed).getByRole('button', { name: /open tenants/i })).toBeTruthy();
  });

  it('counts the grant code down while the instance is created', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval'] });
    await renderStepper();
    act(() =>
      bridge.push('flow.changed', {
        step: 'creating',
        ...flowBase,
        codeExpiresAt: Date.now() + 90_000,
        dataCenter: 'eu',
      }),
    );
    const left = await screen.findByTestId('code-time-left');
    expect(left.textContent).toBe('1:30');
    expect(screen.getByText(/europe \(eu\)/i)).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(25_000);
    });
    expect(screen.getByTestId('code-time-left').textContent).toBe('1:05');
  });

  it('keeps the form draft through a failure and Start again', async () => {
    const user = userEvent.setup({ delay: null });
    await renderStepper();
    await fillValidForm(user);
    await user.type(screen.getByRole('combobox', { name: /^tags/i }), 'production{enter}');
    bridge.answers['flow.start'] = () => ok(AWAITING);
    await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
    await screen.findByText(/waiting for the customer to sign in/i);

    act(() =>
      bridge.push('flow.changed', {
        step: 'failed',
        ...flowBase,
        error: { code: 'timeout', message: 'No sign-in came back from the browser within 10 minutes.' },
      }),
    );
    await screen.findByTestId('flow-failed');
    bridge.answers['flow.reset'] = () => ok({ step: 'idle' });
    await user.click(screen.getByRole('button', { name: /start again/i }));

    await screen.findByRole('button', { name: /get the sign-in link/i });
    expect((screen.getByLabelText(/instance name/i) as HTMLInputElement).value).toBe('Acme CRM');
    expect((screen.getByLabelText(/oauth client id/i) as HTMLInputElement).value).toBe('cid-123');
    expect((screen.getByLabelText(/oauth client secret/i) as HTMLInputElement).value).toBe(
      'client-secret-xyz',
    );
    expect((screen.getByLabelText(/callback url/i) as HTMLInputElement).value).toBe(
      'http://127.0.0.1:53682/callback',
    );
    expect(screen.getByText('production')).toBeTruthy();
  });

  it('re-authenticates the instance the Instances screen asked for', async () => {
    const user = userEvent.setup({ delay: null });
    useInstancesStore.setState({
      reauthenticate: { tenantId: 't-acme', instanceId: 42, name: 'Acme old', elementKey: 'zohocrmv2' },
    });
    await renderStepper();
    expect(screen.getByText('Re-authenticating “Acme old”')).toBeTruthy();
    expect((screen.getByLabelText(/instance name/i) as HTMLInputElement).value).toBe('Acme old');
    const start = await startWithTypedClient(user, bridge);
    expect(start).toMatchObject({
      reauthenticateInstanceId: 42,
      instanceName: 'Acme old',
      elementKey: 'zohocrmv2',
    });
    expect(start).not.toHaveProperty('events');
  });

  it('creates one instance of an import: its planned name, tags and carried settings, no events editor', async () => {
    const user = userEvent.setup({ delay: null });
    useInstancesStore.setState({
      importing: {
        kind: 'import',
        tenantId: 't-acme',
        name: 'Acme prod CRM',
        elementKey: 'zohocrmv2',
        tags: ['handover'],
        carried: { 'custom.setting': 'keep', 'event.notification.enabled': 'true' },
        sourceTenant: 'Acme staging',
        sourceName: 'Acme CRM',
      },
    });
    await renderStepper();
    expect(screen.getByText('Importing “Acme prod CRM” from Acme staging')).toBeTruthy();
    expect(screen.getByText(/Copied from “Acme CRM”: 2 settings \(events on\)/)).toBeTruthy();
    expect((screen.getByLabelText(/instance name/i) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByLabelText(/^tags/i)).toBeNull();
    const start = await startWithTypedClient(user, bridge);
    expect(start).toMatchObject({
      instanceName: 'Acme prod CRM',
      elementKey: 'zohocrmv2',
      tags: ['handover'],
      configuration: { 'custom.setting': 'keep', 'event.notification.enabled': 'true' },
    });
    expect(start).not.toHaveProperty('events');
    expect(start).not.toHaveProperty('reauthenticateInstanceId');
  });

  it('after a lost response offers to keep the instance the platform shows', async () => {
    const user = userEvent.setup({ delay: null });
    await renderStepper();
    const candidate = {
      id: 7,
      name: 'Acme CRM',
      elementKey: 'zohocrmv2',
      createdDate: new Date().toISOString(),
      tokenHint: '••••EHU=',
    };
    act(() => bridge.push('flow.changed', { step: 'lost-response', ...flowBase, candidate }));
    await screen.findByTestId('lost-response');
    bridge.answers['flow.adoptCandidate'] = () =>
      ok({ step: 'done', ...flowBase, instance: candidate, reauthenticated: false });
    await user.click(screen.getByRole('button', { name: /keep this instance/i }));
    expect(await screen.findByText('“Acme CRM” is ready')).toBeTruthy();
    expect(screen.getByTestId('token-hint').textContent).toBe('••••EHU=');

    await user.click(screen.getByRole('button', { name: /test it in instances/i }));
    expect(useInstancesStore.getState().openId).toBe(7);
    expect(bridge.callsTo('instances.get')).toEqual([{ id: 7, tenantId: 't-acme' }]);
    expect(useAppStore.getState().screen).toBe('instances');
  });

  it('points to Tenants when no tenant is active', async () => {
    bridge.answers['tenants.list'] = () =>
      ok({ tenants: [], activeTenantId: null, oauthApps: [], notice: null });
    renderWithTheme(<StepperScreen />);
    expect(await screen.findByText(/choose a tenant first/i)).toBeTruthy();
    expect(screen.getByRole('button', { name: /open tenants/i })).toBeTruthy();
  });
});
