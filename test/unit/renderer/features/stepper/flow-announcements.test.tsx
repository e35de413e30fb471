// What the stepper says to screen readers: the countdown only at 60 s, 30 s and expiry (never each
// second), and one sentence per step change, success and failure included.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeCountdown } from '../../../../../renderer/features/stepper/code-countdown';
import {
  countdownAnnouncement,
  stepAnnouncement,
} from '../../../../../renderer/features/stepper/flow-announcements';
import { useAnnouncerStore } from '../../../../../renderer/stores/announcer';
import { renderWithTheme } from '../../../../support/render';
import { flowBase } from '../../../../fakes/stepper-bridge';

describe('countdownAnnouncement', () => {
  it('speaks when the time left crosses 60 s, 30 s and zero, and at no other reading', () => {
    expect(countdownAnnouncement(60_250, 60_000)).toBe('1 minute left on the grant code.');
    expect(countdownAnnouncement(30_100, 29_900)).toBe('30 seconds left on the grant code.');
    expect(countdownAnnouncement(200, 0)).toBe('The grant code has expired.');
    expect(countdownAnnouncement(119_750, 119_500)).toBeNull();
    expect(countdownAnnouncement(60_000, 59_750)).toBeNull();
    expect(countdownAnnouncement(45_000, 44_750)).toBeNull();
    expect(countdownAnnouncement(0, 0)).toBeNull();
  });

  it('says only the lowest threshold when one reading jumps over several', () => {
    expect(countdownAnnouncement(70_000, 25_000)).toBe('30 seconds left on the grant code.');
    expect(countdownAnnouncement(45_000, 0)).toBe('The grant code has expired.');
  });
});

describe('the code countdown in the live region', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useAnnouncerStore.setState(useAnnouncerStore.getInitialState(), true);
  });
  afterEach(() => vi.useRealTimers());

  it('announces three times over the two minutes of a grant code', () => {
    const said: string[] = [];
    const unsubscribe = useAnnouncerStore.subscribe((state) => said.push(state.message));
    renderWithTheme(<CodeCountdown expiresAt={Date.now() + 120_000} />);
    for (let second = 0; second < 125; second += 1) act(() => vi.advanceTimersByTime(1_000));
    unsubscribe();
    expect(said).toEqual([
      '1 minute left on the grant code.',
      '30 seconds left on the grant code.',
      'The grant code has expired.',
    ]);
  });
});

describe('stepAnnouncement', () => {
  it('names the step, the consent wait and its end, success and the failure', () => {
    expect(
      stepAnnouncement({
        step: 'awaiting-consent',
        ...flowBase,
        authUrl: 'https://accounts.zoho.com/oauth2/auth',
        callbackUrl: 'https://auth.example.com/cb',
        door: 'paste',
        waitUntil: 0,
      }),
    ).toBe('Step 2 of 3, Authenticate Users: waiting for the customer to sign in for “Acme CRM”.');
    expect(stepAnnouncement({ step: 'creating', ...flowBase, codeExpiresAt: 0 })).toBe(
      'The customer signed in. Step 3 of 3, Authenticate Instance: creating “Acme CRM”.',
    );
    expect(
      stepAnnouncement({
        step: 'done',
        ...flowBase,
        reauthenticated: false,
        instance: { id: 7, name: 'Acme CRM', elementKey: 'zohocrmv2', createdDate: '', tokenHint: '••••' },
      }),
    ).toBe('Instance “Acme CRM” created for Acme Corp.');
    expect(
      stepAnnouncement({
        step: 'failed',
        ...flowBase,
        error: { code: 'timeout', message: 'The customer did not sign in within 10 minutes.' },
      }),
    ).toBe('The sign-in stopped: The customer did not sign in within 10 minutes.');
    expect(stepAnnouncement({ step: 'fetching-url', ...flowBase })).toBeNull();
  });
});
