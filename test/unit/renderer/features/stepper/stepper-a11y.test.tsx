// The stepper for keyboard and screen-reader users: first invalid field focused and summed up, step
// heading focused and announced, the send-it hint only for the paste door, a refused paste said once.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallbackDoor } from '../../../../../common/urls';
import type { FlowView } from '../../../../../common/contract';
import { StepperScreen } from '../../../../../renderer/features/stepper/stepper-screen';
import { useAnnouncerStore } from '../../../../../renderer/stores/announcer';
import { useFlowStore } from '../../../../../renderer/stores/flow';
import { useInstancesStore } from '../../../../../renderer/stores/instances';
import { useTenantsStore } from '../../../../../renderer/stores/tenants';
import { renderWithTheme } from '../../../../support/render';
import { flowBase, installFakeBridge, type FakeBridge } from '../../../../fakes/stepper-bridge';

type AwaitingView = Extract<FlowView, { step: 'awaiting-consent' }>;

const awaiting = (door: CallbackDoor): AwaitingView => ({
  step: 'awaiting-consent',
  ...flowBase,
  authUrl: 'https://accounts.zoho.com/oauth2/auth?client_id=cid&state=s1',
  callbackUrl: door === 'paste' ? 'https://auth.example.com/cb' : 'http://127.0.0.1:53682/callback',
  door,
  waitUntil: Date.now() + 600_000,
});

async function renderStepper() {
  renderWithTheme(<StepperScreen />);
  await screen.findByRole('button', { name: /get the sign-in link/i });
}

describe('stepper accessibility', { timeout: 30_000 }, () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    useFlowStore.setState(useFlowStore.getInitialState(), true);
    useTenantsStore.setState(useTenantsStore.getInitialState(), true);
    useInstancesStore.setState(useInstancesStore.getInitialState(), true);
    useAnnouncerStore.setState(useAnnouncerStore.getInitialState(), true);
    bridge = installFakeBridge();
  });

  it('a refused submit focuses the first invalid field and sums the problems up by the button', async () => {
    const user = userEvent.setup({ delay: null });
    await renderStepper();
    expect(screen.queryByTestId('form-problems')).toBeNull();
    await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^instance name/i })),
    );
    expect(screen.getByTestId('form-problems').textContent).toBe('3 fields need a fix above.');
    expect(useAnnouncerStore.getState().message).toBe('3 fields need a fix above.');

    await user.type(screen.getByRole('textbox', { name: /^instance name/i }), 'Acme CRM');
    expect(screen.getByTestId('form-problems').textContent).toBe('2 fields need a fix above.');
    await user.click(screen.getByRole('button', { name: /get the sign-in link/i }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^oauth client id/i })),
    );
    expect(bridge.callsTo('flow.start')).toHaveLength(0);
  });

  it('a step change moves focus to the new step’s heading and says it in the live region', async () => {
    await renderStepper();
    act(() => bridge.push('flow.changed', awaiting('paste')));
    const heading = await screen.findByRole('heading', { name: 'Waiting for the customer to sign in' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.tagName).toBe('H2');
    expect(useAnnouncerStore.getState().message).toMatch(/^Step 2 of 3, Authenticate Users/);

    act(() => bridge.push('flow.changed', { step: 'cancelled', ...flowBase }));
    const cancelled = await screen.findByRole('heading', { name: 'Sign-in cancelled' });
    await waitFor(() => expect(document.activeElement).toBe(cancelled));
    expect(useAnnouncerStore.getState().message).toBe(
      'Sign-in cancelled. Nothing was created for “Acme CRM”.',
    );
  });

  it('offers to send the link to another computer only for the paste door', async () => {
    await renderStepper();
    for (const door of ['loopback', 'protocol'] as const) {
      act(() => bridge.push('flow.changed', { ...awaiting(door), flowId: `f-${door}` }));
      await screen.findByRole('heading', { name: 'Waiting for the customer to sign in' });
      expect(screen.queryByText(/send it to the customer/i)).toBeNull();
    }
    act(() => bridge.push('flow.changed', { ...awaiting('paste'), flowId: 'f-paste' }));
    expect(
      await screen.findByText(/send it to the customer if they sign in on another computer/i),
    ).toBeTruthy();
  });

  it('says a refused paste once: a short title, then main’s sentence', async () => {
    const user = userEvent.setup({ delay: null });
    bridge = installFakeBridge(awaiting('paste'));
    const sentence = 'That is not the callback of this sign-in: That is not a URL.';
    bridge.answers['flow.paste'] = () => ({
      ok: false,
      error: { code: 'invalid_callback', message: sentence },
    });
    renderWithTheme(<StepperScreen />);
    await user.type(await screen.findByRole('textbox', { name: /^redirected url/i }), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Use it' }));
    const alert = await screen.findByTestId('action-error');
    expect(alert.textContent).toBe(`The address could not be used${sentence}`);
    expect(alert.textContent?.split('That is not the callback of this sign-in')).toHaveLength(2);
  });
});
