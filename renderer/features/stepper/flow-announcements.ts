// What the stepper says to screen readers: one sentence per step change (the consent wait, its end,
// success, failure) and the grant code's countdown at 60 s, 30 s and expiry, never every second.
import { useEffect, useRef } from 'react';
import type { FlowView } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { announce } from '../../stores/announcer';

/** The sentence for arriving at `view`'s step; null when nothing worth saying happened. */
export function stepAnnouncement(view: FlowView): string | null {
  switch (view.step) {
    case 'idle':
      return 'Step 1 of 3, Redirect URL: fill in the form to get the sign-in link.';
    case 'fetching-url':
      return null;
    case 'awaiting-consent':
      return `Step 2 of 3, Authenticate Users: waiting for the customer to sign in for “${view.instanceName}”.`;
    case 'creating':
      return `The customer signed in. Step 3 of 3, Authenticate Instance: creating “${view.instanceName}”.`;
    case 'done':
      return view.reauthenticated
        ? `“${view.instance.name}” is re-authenticated for ${view.tenantName}.`
        : `Instance “${view.instance.name}” created for ${view.tenantName}.`;
    case 'lost-response':
      return `The platform’s answer for “${view.instanceName}” never arrived. ${view.message ?? ''}`.trim();
    case 'failed':
      return `The sign-in stopped: ${view.error.message}`;
    case 'cancelled':
      return `Sign-in cancelled. Nothing was created for “${view.instanceName}”.`;
    default:
      return assertNever(view);
  }
}

/** Says the step's sentence each time the step changes (not for the step shown on arrival). */
export function useStepAnnouncements(view: FlowView): void {
  const previous = useRef(view.step);
  useEffect(() => {
    if (previous.current === view.step) return;
    previous.current = view.step;
    const sentence = stepAnnouncement(view);
    if (sentence) announce(sentence);
  }, [view]);
}

const THRESHOLDS: readonly { ms: number; sentence: string }[] = [
  { ms: 0, sentence: 'The grant code has expired.' },
  { ms: 30_000, sentence: '30 seconds left on the grant code.' },
  { ms: 60_000, sentence: '1 minute left on the grant code.' },
];

/**
 * The sentence when the time left crosses 60 s, 30 s or zero between two readings (the lowest one
 * crossed when several are); null otherwise.
 */
export function countdownAnnouncement(before: number, now: number): string | null {
  return THRESHOLDS.find((threshold) => before > threshold.ms && now <= threshold.ms)?.sentence ?? null;
}

/** Announces the countdown's thresholds as the time left runs down. */
export function useCountdownAnnouncements(left: number): void {
  const before = useRef(left);
  useEffect(() => {
    const sentence = countdownAnnouncement(before.current, left);
    before.current = left;
    if (sentence) announce(sentence);
  }, [left]);
}
