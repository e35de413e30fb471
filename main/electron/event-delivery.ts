// Push events held in main until the page listens: an event raised while the window loads (a deep link that
// started the app, a notice at startup) waits for the preload to say the page subscribed. No electron import.
import type { EventName } from '../../common/contract';

/** At most this many events of one name wait for the page; older ones are dropped first. */
export const PENDING_PER_EVENT = 20;

export class EventDelivery {
  private readonly listening = new Set<EventName>();
  private pending: { event: EventName; payload: unknown }[] = [];

  /** send returns false when there is no page to send to (no window, or it is gone). */
  constructor(private readonly send: (event: EventName, payload: unknown) => boolean) {}

  emit(event: EventName, payload: unknown): void {
    if (this.listening.has(event) && this.send(event, payload)) return;
    this.pending.push({ event, payload });
    const same = this.pending.filter((item) => item.event === event);
    if (same.length > PENDING_PER_EVENT) this.pending.splice(this.pending.indexOf(same[0]!), 1);
  }

  /** The page now listens to event: what waited for it goes out, in order. */
  listen(event: EventName): void {
    this.listening.add(event);
    const waiting = this.pending.filter((item) => item.event === event);
    this.pending = this.pending.filter((item) => item.event !== event);
    for (const item of waiting) this.emit(item.event, item.payload);
  }

  /** A new page is loading: nothing listens until it says so again. */
  reset(): void {
    this.listening.clear();
  }
}
