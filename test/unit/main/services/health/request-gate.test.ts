// The request gate: never more in flight than the tenant's slots or the overall ones, a tenant-wide
// pause, and a Cancel that ends every wait and starts nothing more.
import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../../../../main/services/health/request-gate';

/** Sends that stay open until the test lets them go, counting how many are open at once. */
function openSends() {
  const open: (() => void)[] = [];
  const seen = { now: 0, most: 0, started: 0 };
  const send = () =>
    new Promise<string>((resolve) => {
      seen.now += 1;
      seen.started += 1;
      seen.most = Math.max(seen.most, seen.now);
      open.push(() => {
        seen.now -= 1;
        resolve('done');
      });
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Lets every open send finish, round after round, until the work is all done. */
  const drain = async <T>(work: Promise<T>[]) => {
    let done = false;
    const all = Promise.all(work).finally(() => (done = true));
    while (!done) {
      await settle();
      open.splice(0).forEach((finish) => finish());
    }
    return all;
  };
  return { send, seen, drain, open, settle };
}

describe('RequestGate', () => {
  it('keeps each tenant within its slots and all tenants within the overall ones', async () => {
    const gate = new RequestGate(5, Date.now);
    const controller = new AbortController();
    const sends = openSends();
    const lanes = [gate.lane(2), gate.lane(2), gate.lane(2)];
    const perLane = lanes.map(() => ({ now: 0, most: 0 }));
    const work = lanes.flatMap((lane, index) =>
      Array.from({ length: 20 }, () =>
        lane.run(async () => {
          const count = perLane[index]!;
          count.now += 1;
          count.most = Math.max(count.most, count.now);
          try {
            return await sends.send();
          } finally {
            count.now -= 1;
          }
        }, controller.signal),
      ),
    );
    expect(await sends.drain(work)).toHaveLength(60);
    expect(sends.seen.most).toBe(5);
    expect(perLane.map((count) => count.most)).toEqual([2, 2, 2]);
  });

  it('starts nothing after Cancel: waiting requests fail as cancelled, open ones are let go', async () => {
    const gate = new RequestGate(2, Date.now);
    const controller = new AbortController();
    const sends = openSends();
    const lane = gate.lane(2);
    const work = Array.from({ length: 10 }, () => lane.run(sends.send, controller.signal));
    await sends.settle();
    expect(sends.seen.started).toBe(2);
    controller.abort();
    const results = await Promise.allSettled(work);
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect((results[5] as PromiseRejectedResult).reason).toMatchObject({ code: 'cancelled' });
    sends.open.splice(0).forEach((finish) => finish());
    await sends.settle();
    expect(sends.seen.started).toBe(2);
  });

  it('holds a paused tenant until the pause ends, and a Cancel ends the pause', async () => {
    let now = 1_000;
    const gate = new RequestGate(4, () => now);
    const lane = gate.lane(4);
    lane.pause(1_000 + 60_000);
    const controller = new AbortController();
    const sends = openSends();
    const waiting = lane.run(sends.send, controller.signal);
    await sends.settle();
    expect(sends.seen.started).toBe(0);
    now += 60_000;
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(sends.seen.started).toBe(0);
  });
});
