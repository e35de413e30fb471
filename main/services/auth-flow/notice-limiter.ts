// Warnings about refused callbacks, rate-limited: the first of a burst at once, the rest as one summary
// when the burst ends, so 2,000 forged callbacks at the loopback door make two lines, not 2,000.
const DEFAULT_WINDOW_MS = 5_000;

export class NoticeLimiter {
  private burst: { suppressed: number; timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly emit: (message: string) => void,
    private readonly windowMs = DEFAULT_WINDOW_MS,
  ) {}

  /** Says it now if no burst is on; else counts it for the summary and keeps the burst on. */
  notice(message: string): void {
    if (this.burst) {
      this.burst.suppressed += 1;
      this.burst.timer.refresh();
      return;
    }
    this.emit(message);
    this.open();
  }

  /** Ends the burst (the flow ended, or a quiet window passed): the summary of what was held back, if anything. */
  flush(): void {
    const burst = this.burst;
    if (!burst) return;
    clearTimeout(burst.timer);
    this.burst = undefined;
    if (burst.suppressed === 0) return;
    const count =
      burst.suppressed === 1
        ? '1 more sign-in callback was'
        : `${burst.suppressed} more sign-in callbacks were`;
    this.emit(
      `${count} refused for the same kinds of reasons (not from this sign-in, or no longer expected).`,
    );
  }

  private open(): void {
    const timer = setTimeout(() => this.flush(), this.windowMs);
    timer.unref();
    this.burst = { suppressed: 0, timer };
  }
}
