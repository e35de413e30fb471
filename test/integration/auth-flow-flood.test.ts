// 2,000 forged callbacks at the loopback door while a flow waits: each refused with 400, the flow still
// takes the real one, and the user sees one warning and one summary, not 2,000 lines.
import { afterEach, describe, expect, it } from 'vitest';
import {
  consent,
  freePort,
  startFlowWorld,
  startInput,
  withParam,
  type FlowWorld,
} from './auth-flow-support';

const FORGED = 2_000;
const AT_ONCE = 50;
let world: FlowWorld;
afterEach(async () => {
  await world.close();
});

const notices = () =>
  world.emitted
    .filter((e) => e.event === 'app.notice')
    .map((e) => (e.payload as { message: string }).message);

describe('auth flow: a flood of forged callbacks', () => {
  it(`refuses ${FORGED} forged callbacks with one warning and one summary, then takes the real one`, async () => {
    world = await startFlowWorld('flow-flood');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    const location = await consent(await world.flow.start(startInput(callbackUrl)));
    const statuses: number[] = [];
    for (let sent = 0; sent < FORGED; sent += AT_ONCE) {
      const batch = Array.from({ length: AT_ONCE }, (_, index) =>
        fetch(withParam(location, 'state', `forged-${sent + index}`)).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }),
      );
      statuses.push(...(await Promise.all(batch)));
    }
    expect(statuses).toEqual(Array.from({ length: FORGED }, () => 400));
    expect(notices()).toHaveLength(1);
    expect((await fetch(location)).status).toBe(200);
    expect(await world.flow.settled()).toMatchObject({ step: 'done' });
    expect(notices()).toEqual([
      expect.stringMatching(/state/i) as string,
      `${FORGED - 1} more sign-in callbacks were refused for the same kinds of reasons (not from this sign-in, or no longer expected).`,
    ]);
  }, 120_000);
});
