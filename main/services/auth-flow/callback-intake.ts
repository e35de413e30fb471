// Step 2's judgement of a callback against the flow waiting for consent: refuse it (the flow keeps
// waiting), end the flow (denied, too late, unknown data center), or take the grant code.
import { timingSafeEqual } from '../lazy-crypto';
import {
  DEFAULT_ZOHO_DATA_CENTER,
  zohoDataCenterOf,
  type ZohoDataCenter,
} from '../elements/zoho-data-centers';
import { AppFailure } from '../errors';
import type { FlowPlan } from './flow-plan';
import { consentTimeout, deniedFailure } from './flow-views';
import type { GrantCallback } from './instance-body';
import { parseCallback } from './parse-callback';

export type Judgement =
  | { kind: 'refuse'; error: AppFailure }
  | { kind: 'end'; error: AppFailure }
  | { kind: 'code'; callback: GrantCallback; dataCenter?: ZohoDataCenter };

export interface WaitingFlow {
  plan: FlowPlan;
  waitUntil: number;
  waitMs: number;
}

function sameState(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function judgeCallback(url: string, waiting: WaitingFlow, now: number): Judgement {
  const { plan } = waiting;
  const parsed = parseCallback(url, { callbackUrl: plan.callbackUrl });
  if (parsed.kind === 'invalid') {
    return {
      kind: 'refuse',
      error: new AppFailure('invalid_callback', `That is not the callback of this sign-in: ${parsed.reason}`),
    };
  }
  // A denial needs the flow's own state as much as a code does: any web page can send the browser to
  // the loopback door or an element-auth:// link with ?error=…, and must not end the user's sign-in.
  if (parsed.state === undefined) {
    return {
      kind: 'refuse',
      error: new AppFailure(
        'invalid_callback',
        'That callback carries no state, so it cannot be told from a forged one and was ignored. ' +
          'The current sign-in is still waiting; cancel it if you declined the access.',
      ),
    };
  }
  if (!sameState(parsed.state, plan.state)) {
    return {
      kind: 'refuse',
      error: new AppFailure(
        'state_mismatch',
        'This callback belongs to another sign-in (its state does not match), so it was ignored. ' +
          'The current sign-in is still waiting.',
      ),
    };
  }
  if (now > waiting.waitUntil) return { kind: 'end', error: consentTimeout(waiting.waitMs) };
  if (parsed.kind === 'denied')
    return { kind: 'end', error: deniedFailure(parsed.error, parsed.errorDescription) };
  if (plan.preset.dataCenters.length === 0) return { kind: 'code', callback: parsed };
  const choice = zohoDataCenterOf(parsed);
  switch (choice.kind) {
    case 'found':
      return { kind: 'code', callback: parsed, dataCenter: choice.dataCenter };
    case 'absent':
      return { kind: 'code', callback: parsed, dataCenter: DEFAULT_ZOHO_DATA_CENTER };
    case 'unknown':
      return { kind: 'end', error: new AppFailure('invalid_callback', choice.reason) };
  }
}
