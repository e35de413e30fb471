// Every way the flow can go wrong, against the fake platform and the real keychain: denial, expired
// code, replay, wrong secrets, state and callback mismatches, lost responses, timeouts and cancel.
import { afterEach, describe, expect, it } from 'vitest';
import { parseChannelInput, type FlowStart, type FlowView } from '../../common/contract';
import {
  consent,
  refusal,
  freePort,
  instanceRequests,
  leakedSecrets,
  rawStartInput,
  startFlowWorld,
  startInput,
  withParam,
  type FlowWorld,
} from './auth-flow-support';

const HOSTED = 'https://auth.example.com/oauth/callback';
let world: FlowWorld;
afterEach(async () => {
  await world.close();
});

function posts(): number {
  return instanceRequests(world).filter((request) => request.method === 'POST').length;
}

function errorOf(view: FlowView) {
  if (view.step !== 'failed') throw new Error(`expected failed, got ${view.step}`);
  return view.error;
}

describe('auth flow: consent outcomes', () => {
  it('shows the vendor error and description when the user denies, and sends nothing', async () => {
    world = await startFlowWorld('flow-denied');
    const waiting = await world.flow.start(startInput(HOSTED));
    const failed = await world.flow.paste(await consent(waiting, '&deny=1'));
    expect(errorOf(failed)).toEqual({
      code: 'consent_denied',
      message: expect.stringContaining('access_denied: The user denied access to the application') as string,
      details: {
        vendorError: 'access_denied',
        vendorErrorDescription: 'The user denied access to the application',
      },
    });
    expect(posts()).toBe(0);
  });

  it('says the code expired when the platform got it after its 2 minutes', async () => {
    world = await startFlowWorld('flow-expired');
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    world.now += 120_001;
    const failed = await world.flow.paste(location);
    expect(errorOf(failed)).toMatchObject({
      code: 'code_expired',
      details: { status: 400, providerMessage: 'invalid_code' },
    });
    expect(errorOf(failed).message).toMatch(/expired/);
    expect(posts()).toBe(1);
  });

  it('stops waiting at the wait limit: by the clock when a late callback comes, and by its timer', async () => {
    world = await startFlowWorld('flow-wait-limit', { consentWaitMs: 60_000 });
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    world.now += 60_001;
    expect(errorOf(await world.flow.paste(location)).code).toBe('timeout');
    expect(posts()).toBe(0);
    await world.close();

    world = await startFlowWorld('flow-wait-timer', { consentWaitMs: 150 });
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    await world.flow.start(startInput(callbackUrl));
    const failed = await world.flow.settled();
    expect(errorOf(failed)).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/1 minute/) as string,
    });
    await expect(fetch(`${callbackUrl}?code=late&state=x`)).rejects.toThrow();
  });
});

describe('auth flow: callbacks that are not taken', () => {
  it('refuses a replay after completion without touching the platform', async () => {
    world = await startFlowWorld('flow-replay');
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    expect((await world.flow.paste(location)).step).toBe('done');
    expect(await refusal(() => world.flow.paste(location))).toMatchObject({ code: 'no_pending_flow' });
    const shown = await world.flow.handleDeepLink(location.replace(HOSTED, 'element-auth://oauth/callback'));
    expect(shown.step).toBe('done');
    expect(world.emitted.at(-1)).toMatchObject({ event: 'app.notice', payload: { level: 'warning' } });
    expect(posts()).toBe(1);
  });

  it('lets the platform refuse a code replayed into a new flow with the same fixed state', async () => {
    world = await startFlowWorld('flow-replay-state');
    const first = await world.flow.start(startInput(HOSTED, { state: 'zohocrmv2' }));
    const location = await consent(first);
    expect((await world.flow.paste(location)).step).toBe('done');
    await world.flow.start(startInput(HOSTED, { state: 'zohocrmv2', instanceName: 'Acme Zoho 2' }));
    const failed = await world.flow.paste(location);
    expect(errorOf(failed)).toMatchObject({
      code: 'platform_bad_request',
      details: { status: 400, platformMessage: expect.stringMatching(/already used/) as string },
    });
    expect(world.platform.instances.size).toBe(1);
  });

  it('ignores a callback with another state and keeps waiting for the right one', async () => {
    world = await startFlowWorld('flow-state');
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    expect(await refusal(() => world.flow.paste(withParam(location, 'state', 'forged')))).toMatchObject({
      code: 'state_mismatch',
    });
    expect(world.flow.get().step).toBe('awaiting-consent');
    expect((await world.flow.paste(location)).step).toBe('done');
    expect(posts()).toBe(1);
  });

  it('answers a wrong-state hit on the loopback door with 400 and keeps listening', async () => {
    world = await startFlowWorld('flow-state-loopback');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const waiting = await world.flow.start(startInput(callbackUrl));
    const location = await consent(waiting);
    const forged = await fetch(withParam(location, 'state', 'forged'));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('does not match');
    expect(world.emitted.at(-1)).toMatchObject({ event: 'app.notice' });
    expect((await fetch(`${callbackUrl.replace('/oauth/callback', '/other')}`)).status).toBe(404);
    expect((await fetch(location)).status).toBe(200);
    expect((await world.flow.settled()).step).toBe('done');
  });

  it('ignores a denial without the flow state, from any door, so a web page cannot end the sign-in', async () => {
    world = await startFlowWorld('flow-forged-denial');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const waiting = await world.flow.start(startInput(callbackUrl));
    const forged = await fetch(`${callbackUrl}?error=access_denied&error_description=forged`);
    expect(forged.status).toBe(400);
    expect(world.flow.get().step).toBe('awaiting-consent');
    await world.flow.handleDeepLink('element-auth://oauth/callback?error=access_denied');
    expect(world.flow.get().step).toBe('awaiting-consent');
    expect(await refusal(() => world.flow.paste(`${callbackUrl}?error=access_denied`))).toMatchObject({
      code: 'invalid_callback',
    });
    expect((await fetch(await consent(waiting))).status).toBe(200);
    expect((await world.flow.settled()).step).toBe('done');
  });

  it('refuses a URL that does not lead to the flow callback URL', async () => {
    world = await startFlowWorld('flow-callback-mismatch');
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    for (const wrong of [
      location.replace(HOSTED, 'https://auth.example.com/oauth/callback/'),
      location.replace(HOSTED, 'https://evil.example.com/oauth/callback'),
      location.replace(HOSTED, 'http://auth.example.com/oauth/callback'),
    ]) {
      expect(await refusal(() => world.flow.paste(wrong))).toMatchObject({ code: 'invalid_callback' });
    }
    expect(world.flow.get().step).toBe('awaiting-consent');
    expect(posts()).toBe(0);
  });

  it('refuses a code from an unknown Zoho data center before sending it anywhere', async () => {
    world = await startFlowWorld('flow-unknown-dc');
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = withParam(
      withParam(await consent(waiting), 'location', 'mars'),
      'accounts-server',
      'https://accounts.evil.example',
    );
    expect(errorOf(await world.flow.paste(location)).code).toBe('invalid_callback');
    expect(posts()).toBe(0);
  });
});

describe('auth flow: platform failures', () => {
  it('says the tenant secrets are wrong on a 401', async () => {
    world = await startFlowWorld('flow-401', { userSecret: 'wrong-user-secret' });
    const waiting = await world.flow.start(startInput(HOSTED));
    const failed = await world.flow.paste(await consent(waiting));
    expect(errorOf(failed)).toMatchObject({ code: 'platform_unauthorized', details: { status: 401 } });
    expect(JSON.stringify(world.emitted)).not.toContain('wrong-user-secret');
  });

  it('fails step 1 with a timeout when the platform does not answer in time', async () => {
    world = await startFlowWorld('flow-timeout', { client: { timeoutMs: 100 } });
    world.platform.behaviour.delayMs = 400;
    const failed = await world.flow.start(startInput(HOSTED));
    expect(errorOf(failed).code).toBe('timeout');
    expect(world.opened).toEqual([]);
  });

  it('after a lost POST offers the instance the platform shows, and keeps its token when adopted', async () => {
    world = await startFlowWorld('flow-lost');
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    world.platform.behaviour.dropNextCreateResponse = true;
    const lost = await world.flow.paste(location);
    const [instance] = [...world.platform.instances.values()];
    if (!instance || lost.step !== 'lost-response') throw new Error(lost.step);
    expect(lost.candidate).toMatchObject({
      id: instance.id,
      name: 'Acme Zoho',
      tokenHint: `••••${instance.token.slice(-4)}`,
    });
    expect(lost.message).toMatch(/keep it/);
    expect(await world.secrets.get(world.tokenAccount(instance.id))).toBeNull();
    const done = await world.flow.adoptCandidate();
    expect(done).toMatchObject({ step: 'done', instance: { id: instance.id } });
    expect(await world.secrets.get(world.tokenAccount(instance.id))).toBe(instance.token);
    expect(posts()).toBe(1);
    expect(leakedSecrets(world)).toEqual([]);
  });

  it('after a timed-out POST with no instance to show, says the code is spent and never resends', async () => {
    world = await startFlowWorld('flow-lost-timeout', { client: { timeoutMs: 150 } });
    const waiting = await world.flow.start(startInput(HOSTED));
    const location = await consent(waiting);
    world.platform.behaviour.delayMs = 400;
    const lost = await world.flow.paste(location);
    expect(lost).toMatchObject({
      step: 'lost-response',
      message: expect.stringMatching(/code is spent/) as string,
    });
    expect(lost).not.toHaveProperty('candidate');
    expect(await refusal(() => world.flow.adoptCandidate())).toMatchObject({ code: 'instance_not_found' });
    expect(posts()).toBe(1);
  });
});

describe('auth flow: cancel and restart', () => {
  it('cancel closes the loopback door and refuses later callbacks', async () => {
    world = await startFlowWorld('flow-cancel');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const waiting = await world.flow.start(startInput(callbackUrl));
    const location = await consent(waiting);
    expect((await world.flow.cancel()).step).toBe('cancelled');
    await expect(fetch(location)).rejects.toThrow();
    expect(await refusal(() => world.flow.paste(location))).toMatchObject({ code: 'no_pending_flow' });
    expect(world.flow.isRunning()).toBe(false);
    expect(posts()).toBe(0);
  });

  it('a new start cancels the pending flow; the old callback no longer matches', async () => {
    world = await startFlowWorld('flow-restart');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const first = await world.flow.start(startInput(callbackUrl));
    const oldLocation = await consent(first);
    const second = await world.flow.start(startInput(callbackUrl, { instanceName: 'Second' }));
    expect(world.views().map((view) => view.step)).toEqual([
      'fetching-url',
      'awaiting-consent',
      'cancelled',
      'fetching-url',
      'awaiting-consent',
    ]);
    expect((await fetch(oldLocation)).status).toBe(400);
    expect((await fetch(await consent(second))).status).toBe(200);
    expect(await world.flow.settled()).toMatchObject({ step: 'done', instance: { name: 'Second' } });
  });

  it('refuses to start without a secure callback URL or a client secret, leaving the flow as it was', async () => {
    world = await startFlowWorld('flow-input');
    // As the router does: the contract parses the input, then the flow plans it.
    const start = async (raw: FlowStart) => {
      const parsed = parseChannelInput('flow.start', raw);
      if (!parsed.ok) return parsed.error;
      return refusal(() => world.flow.start(parsed.value));
    };
    for (const [input, code, words] of [
      [rawStartInput('http://auth.example.com/cb'), 'invalid_input', /only for this computer/],
      [rawStartInput('http://127.0.0.1/cb'), 'invalid_input', /Add the port/],
      [rawStartInput(HOSTED, { apiSecret: '' }), 'invalid_input', /client secret/],
      [rawStartInput(HOSTED, { oauthAppId: 'nope', apiSecret: undefined }), 'oauth_app_not_found', /./],
      [rawStartInput(HOSTED, { state: 'has space' }), 'invalid_input', /one word/],
    ] as const) {
      const error = await start(input);
      expect(error).toMatchObject({ code });
      expect(error?.message).toMatch(words);
    }
    expect(world.flow.get()).toEqual({ step: 'idle' });
    expect(world.platform.requests).toEqual([]);
  });
});
