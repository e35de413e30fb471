// Tests of judgeCallback, step 2's verdict on a callback against the flow waiting for consent:
// refuse it (the flow keeps waiting), end the flow, or take the code with its data center.
import { describe, expect, it } from 'vitest';
import { judgeCallback, type WaitingFlow } from '../../../../../main/services/auth-flow/callback-intake';
import type { FlowPlan } from '../../../../../main/services/auth-flow/flow-plan';
import { planOf } from '../../../../fakes/tenant-resolver';

const CALLBACK = 'http://127.0.0.1:53682/oauth/callback';
const STATE = 'flow-state-1';
const WAIT_MS = 5 * 60_000;
const WAIT_UNTIL = 1_000_000;
const IN_TIME = WAIT_UNTIL - 1;

async function waitingFlow(elementKey = 'zohocrmv2'): Promise<WaitingFlow> {
  const plan: FlowPlan = await planOf({ elementKey, callbackUrl: CALLBACK, state: STATE });
  return { plan, waitUntil: WAIT_UNTIL, waitMs: WAIT_MS };
}

const at = (query: string, base = CALLBACK) => `${base}?${query}`;

const STILL_WAITING_NO_STATE =
  'That callback carries no state, so it cannot be told from a forged one and was ignored. ' +
  'The current sign-in is still waiting; cancel it if you declined the access.';
const ANOTHER_SIGN_IN =
  'This callback belongs to another sign-in (its state does not match), so it was ignored. ' +
  'The current sign-in is still waiting.';

describe('judgeCallback: callbacks refused while the flow keeps waiting', () => {
  it.each([
    ['a wrong state', at('code=c1&state=other-state'), 'state_mismatch', ANOTHER_SIGN_IN],
    [
      'a replayed callback of an earlier flow',
      at('code=old-code&state=flow-state-0'),
      'state_mismatch',
      ANOTHER_SIGN_IN,
    ],
    ['a state that only starts like ours', at(`code=c1&state=${STATE}x`), 'state_mismatch', ANOTHER_SIGN_IN],
    ['a denial without state', at('error=access_denied'), 'invalid_callback', STILL_WAITING_NO_STATE],
    ['a denial with a wrong state', at('error=access_denied&state=nope'), 'state_mismatch', ANOTHER_SIGN_IN],
  ])('%s', async (_case, url, code, message) => {
    const verdict = judgeCallback(url, await waitingFlow(), IN_TIME);
    expect(verdict).toEqual({ kind: 'refuse', error: expect.objectContaining({ code, message }) });
  });

  it.each([
    ['not a URL', 'not a url', 'That is not a URL.'],
    ['a code without state', at('code=c1'), 'The callback carries no state.'],
    [
      'another port (another flow)',
      at(`code=c1&state=${STATE}`, 'http://127.0.0.1:53683/oauth/callback'),
      'The URL does not lead to the callback URL of this flow.',
    ],
    [
      'another path',
      at(`code=c1&state=${STATE}`, 'http://127.0.0.1:53682/other'),
      'The URL does not lead to the callback URL of this flow.',
    ],
    ['a code twice', at(`code=c1&code=c2&state=${STATE}`), 'The callback carries "code" more than once.'],
    [
      'a code and an error',
      at(`code=c1&error=x&state=${STATE}`),
      'The callback carries both a code and an error.',
    ],
  ])('refuses %s as invalid_callback, saying why', async (_case, url, reason) => {
    const verdict = judgeCallback(url, await waitingFlow(), IN_TIME);
    expect(verdict).toEqual({
      kind: 'refuse',
      error: expect.objectContaining({
        code: 'invalid_callback',
        message: `That is not the callback of this sign-in: ${reason}`,
      }),
    });
  });

  it('refuses a wrong state even after the wait is over (a stranger cannot end the flow)', async () => {
    const verdict = judgeCallback(at('code=c1&state=other'), await waitingFlow(), WAIT_UNTIL + 1);
    expect(verdict).toMatchObject({ kind: 'refuse', error: { code: 'state_mismatch' } });
  });
});

describe('judgeCallback: callbacks that end the flow', () => {
  it.each([
    ['a code', at(`code=c1&state=${STATE}`)],
    ['a denial', at(`error=access_denied&state=${STATE}`)],
  ])('ends with a timeout when %s with the right state comes after the wait', async (_case, url) => {
    const verdict = judgeCallback(url, await waitingFlow(), WAIT_UNTIL + 1);
    expect(verdict).toEqual({
      kind: 'end',
      error: expect.objectContaining({
        code: 'timeout',
        message: 'No sign-in came back from the browser within 5 minutes. Start again when you are ready.',
      }),
    });
  });

  it('ends with consent_denied and the vendor words for a denial with the right state', async () => {
    const url = at(`error=access_denied&error_description=User%20said%20no&state=${STATE}`);
    const verdict = judgeCallback(url, await waitingFlow(), IN_TIME);
    expect(verdict).toEqual({
      kind: 'end',
      error: expect.objectContaining({
        code: 'consent_denied',
        message:
          'The sign-in was declined at the vendor (access_denied: User said no). ' +
          'Start again and approve the access to create the instance.',
        details: { vendorError: 'access_denied', vendorErrorDescription: 'User said no' },
      }),
    });
  });

  it.each([
    ['an unknown location', 'location=mars'],
    ['an accounts-server not in the table', 'accounts-server=https%3A%2F%2Faccounts.evil.example'],
    ['an accounts-server with a path', 'accounts-server=https%3A%2F%2Faccounts.zoho.eu%2Fx'],
    ['a plain http accounts-server', 'accounts-server=http%3A%2F%2Faccounts.zoho.eu'],
  ])('ends a Zoho flow whose callback names %s', async (_case, extra) => {
    const verdict = judgeCallback(at(`code=c1&state=${STATE}&${extra}`), await waitingFlow(), IN_TIME);
    expect(verdict).toEqual({
      kind: 'end',
      error: expect.objectContaining({
        code: 'invalid_callback',
        message:
          'Zoho named a data center this app does not know, so the grant code cannot be exchanged safely.',
      }),
    });
  });
});

describe('judgeCallback: the code taken', () => {
  it.each([
    ['by location', 'location=EU', 'eu'],
    ['by a known accounts-server', 'accounts-server=https%3A%2F%2Faccounts.zoho.com.au', 'au'],
    [
      'by location over the accounts-server',
      'location=jp&accounts-server=https%3A%2F%2Faccounts.zoho.eu',
      'jp',
    ],
    ['as us when Zoho names none', '', 'us'],
  ])('takes a Zoho code with its data center %s', async (_case, extra, location) => {
    const url = at(`code=1000.abc&state=${STATE}${extra ? `&${extra}` : ''}`);
    const verdict = judgeCallback(url, await waitingFlow(), IN_TIME);
    expect(verdict).toMatchObject({ kind: 'code', callback: { code: '1000.abc', state: STATE } });
    expect(verdict.kind === 'code' && verdict.dataCenter?.location).toBe(location);
  });

  it('takes the code at the last moment of the wait', async () => {
    const verdict = judgeCallback(at(`code=c1&state=${STATE}`), await waitingFlow(), WAIT_UNTIL);
    expect(verdict.kind).toBe('code');
  });

  it('takes the app deep link whatever the flow callback URL is', async () => {
    const url = `element-auth://oauth/callback?code=c1&state=${STATE}&location=in`;
    const verdict = judgeCallback(url, await waitingFlow(), IN_TIME);
    expect(verdict).toMatchObject({ kind: 'code', dataCenter: { location: 'in' } });
  });

  it('takes a generic element code without a data center, whatever location it carries', async () => {
    const verdict = judgeCallback(
      at(`code=c1&state=${STATE}&location=mars`),
      await waitingFlow('hubspot'),
      IN_TIME,
    );
    expect(verdict).toMatchObject({ kind: 'code', callback: { code: 'c1', state: STATE } });
    expect(verdict).not.toHaveProperty('dataCenter');
  });
});
