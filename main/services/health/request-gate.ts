// Bounded concurrency for health checks: a slot per tenant (default 4) and one overall (default 8),
// a tenant-wide pause when the platform asks to wait (Retry-After), and waits that a Cancel ends.
import { AppFailure } from '../errors';

export const cancelledFailure = () =>
  new AppFailure('cancelled', 'The health check was cancelled: nothing more was asked of the platform.');

/** Rejects at once when the signal is aborted (the work it races goes on, its answer is ignored). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelledFailure());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledFailure());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return untilAborted(
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
    signal,
  ).finally(() => clearTimeout(timer));
}

class Semaphore {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw cancelledFailure();
    if (this.used < this.size) {
      this.used += 1;
      return;
    }
    let granted: () => void = () => {};
    const turn = new Promise<void>((resolve) => {
      granted = resolve;
      this.waiting.push(resolve);
    });
    try {
      await untilAborted(turn, signal);
    } catch (error) {
      const index = this.waiting.indexOf(granted);
      if (index >= 0) this.waiting.splice(index, 1);
      else this.release();
      throw error;
    }
  }

  /** Hands the slot straight to the next waiter, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used -= 1;
  }
}

/** One tenant's way to the platform: its own slots, the shared ones, and its pause. */
export class TenantLane {
  private readonly slots: Semaphore;
  private pausedUntil = 0;

  constructor(
    perTenant: number,
    private readonly overall: Semaphore,
    private readonly now: () => number,
  ) {
    this.slots = new Semaphore(perTenant);
  }

  /** Holds no new request of this tenant before `until` (epoch ms). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Runs `send` within both limits, after any pause; a Cancel ends the wait and the answer's wait. */
  async run<T>(send: () => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let wait = this.pausedUntil - this.now(); wait > 0; wait = this.pausedUntil - this.now()) {
      await sleep(wait, signal);
    }
    await this.slots.acquire(signal);
    try {
      await this.overall.acquire(signal);
      try {
        if (signal.aborted) throw cancelledFailure();
        return await untilAborted(send(), signal);
      } finally {
        this.overall.release();
      }
    } finally {
      this.slots.release();
    }
  }
}

export class RequestGate {
  private readonly overall: Semaphore;

  constructor(
    total: number,
    private readonly now: () => number,
  ) {
    this.overall = new Semaphore(total);
  }

  lane(perTenant: number): TenantLane {
    return new TenantLane(perTenant, this.overall, this.now);
  }
}
