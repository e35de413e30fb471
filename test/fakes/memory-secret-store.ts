// In-memory stand-ins for the keychain and the push-event sink: a SecretStore that keeps items
// in a Map, one that refuses everything as keytar does without a Secret Service, and an event recorder.
import type { EventName, EventPayload } from '../../common/contract';
import { AppFailure } from '../../main/services/errors';
import type { EventSink, SecretStore } from '../../main/services/ports';

export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, string>();
  async get(account: string) {
    return this.items.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.items.set(account, secret);
  }
  async delete(account: string) {
    return this.items.delete(account);
  }
  /** The stored accounts (the test's view; the app never enumerates the keychain). */
  accounts(): string[] {
    return [...this.items.keys()].sort();
  }
}

/** A keychain that refuses everything, as keytar does without a Secret Service. */
export const unavailableSecretStore: SecretStore = {
  get: () => Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
  set: () => Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
  delete: () =>
    Promise.reject(new AppFailure('keychain_unavailable', 'The system keychain is not available.')),
};

export class RecordingEvents implements EventSink {
  readonly sent: { event: EventName; payload: unknown }[] = [];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.sent.push({ event, payload });
  }
  of<E extends EventName>(event: E): EventPayload<E>[] {
    return this.sent.filter((sent) => sent.event === event).map((sent) => sent.payload as EventPayload<E>);
  }
}
