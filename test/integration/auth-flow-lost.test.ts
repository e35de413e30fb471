// Step 3 when its answer is lost, against the fake platform and the real keychain: a trickling POST
// ended by the deadline or by cancel, the candidate tied to this request only, and a warning before a new POST.
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../common/contract';
import {
  consent,
  refusal,
  instanceRequests,
  startFlowWorld,
  startInput,
  type FlowWorld,
} from './auth-flow-support';

const HOSTED = 'https://auth.example.com/oauth/callback';
let world: FlowWorld;
afterEach(async () => {
  await world.close();
});

const posts = () => instanceRequests(world).filter((request) => request.method === 'POST').length;

/** Resolves once the fake has received the POST of step 3. */
async function posted(): Promise<void> {
  while (posts() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

function lostView(view: FlowView) {
  if (view.step !== 'lost-response') throw new Error(`expected lost-response, got ${view.step}`);
  return view;
}

describe('auth flow: a platform that trickles the answer to the POST', () => {
  it('ends step 3 at the deadline with the lost-response advice, then lets a new flow start', async () => {
    world = await startFlowWorld('flow-trickle-deadline', { client: { timeoutMs: 600 } });
    const location = await consent(await world.flow.start(startInput(HOSTED)));
    world.platform.behaviour.trickleEveryMs = 100;
    const pasted = world.flow.paste(location);
    await posted();
    delete world.platform.behaviour.trickleEveryMs;
    const lost = lostView(await pasted);
    const [made] = [...world.platform.instances.values()];
    expect(lost.message).toMatch(
      /did not answer within (less than a second|1 second) after the instance was sent/,
    );
    expect(lost.candidate?.id).toBe(made?.id);
    expect((await world.flow.cancel()).step).toBe('cancelled');
    expect(posts()).toBe(1);
  }, 15_000);

  it('lets the user cancel while the POST trickles: the flow shows the lost response at once', async () => {
    world = await startFlowWorld('flow-trickle-cancel', { client: { timeoutMs: 60_000 } });
    const location = await consent(await world.flow.start(startInput(HOSTED)));
    world.platform.behaviour.trickleEveryMs = 100;
    const pasted = world.flow.paste(location);
    await posted();
    expect(world.flow.get().step).toBe('creating');
    delete world.platform.behaviour.trickleEveryMs;
    const cancelled = lostView(await world.flow.cancel());
    expect(cancelled.message).toMatch(/You stopped waiting after the instance was sent/);
    expect(lostView(await pasted).flowId).toBe(cancelled.flowId);
    expect(world.flow.isRunning()).toBe(false);
  }, 15_000);
});

describe('auth flow: what a lost POST may have made', () => {
  it("never offers a colleague's instance of the same name: only one the request's marker ties to it", async () => {
    world = await startFlowWorld('flow-lost-colleague');
    const location = await consent(await world.flow.start(startInput(HOSTED)));
    const [colleague] = world.platform.seedInstances(1);
    if (!colleague) throw new Error('no seeded instance');
    colleague.name = 'Acme Zoho';
    world.platform.behaviour.dropNextCreateRequest = true;
    const lost = lostView(await world.flow.paste(location));
    expect(lost).not.toHaveProperty('candidate');
    expect(lost.message).toMatch(/No instance made by this request could be found on the platform/);
    expect(await refusal(() => world.flow.adoptCandidate())).toMatchObject({ code: 'instance_not_found' });
  });

  it('before a new POST of the same name, shows the instance the lost one made; starting again confirms', async () => {
    world = await startFlowWorld('flow-lost-warn');
    const location = await consent(await world.flow.start(startInput(HOSTED)));
    world.platform.behaviour.dropNextCreateResponse = true;
    lostView(await world.flow.paste(location));
    const [made] = [...world.platform.instances.values()];
    await world.flow.cancel();
    const warned = await refusal(() => world.flow.start(startInput(HOSTED)));
    expect(warned.code).toBe('possible_duplicate');
    expect(warned.message).toBe(
      `The last attempt to create "Acme Zoho" for Acme Corp lost its answer, and the platform shows instance ${made?.id} "Acme Zoho" made by that attempt: it may be the one you want (see the instances list). Start again to create another instance of that name anyway.`,
    );
    expect(world.flow.get().step).toBe('cancelled');
    expect((await world.flow.start(startInput(HOSTED, { instanceName: 'Other' }))).step).toBe(
      'awaiting-consent',
    );
    expect((await world.flow.start(startInput(HOSTED))).step).toBe('awaiting-consent');
    expect(posts()).toBe(1);
  });

  it('says plainly when no instance of the lost request can be found before a new POST', async () => {
    world = await startFlowWorld('flow-lost-none');
    const location = await consent(await world.flow.start(startInput(HOSTED)));
    world.platform.behaviour.dropNextCreateRequest = true;
    lostView(await world.flow.paste(location));
    await world.flow.cancel();
    const warned = await refusal(() => world.flow.start(startInput(HOSTED)));
    expect(warned).toMatchObject({
      code: 'possible_duplicate',
      message: expect.stringMatching(
        /no instance made by that attempt could be found on the platform/,
      ) as string,
    });
  });
});
