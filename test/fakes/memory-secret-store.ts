// In-memory stand-ins for the keychain and the push-event sink: a SecretStore that keeps items
// in a Map, one that refuses everything as keytar does without a Secret Service, and an event recorder.
import type { EventName, EventPayload } from '../../common/contract';
import { AppFailure } from '../../main/services/errors';
import type { EventSink, SecretStore } from '../../main/services/ports';
import { keychainFailure } from '../../main/services/tenants/keychain-failures';

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

/**
 * A MemorySecretStore that fails as a real keychain does, on demand: `lock()` makes reads answer
 * null and writes refuse, like a locked Secret Service; `failAfter` lets some calls through first.
 */
export class FailingSecretStore extends MemorySecretStore {
  private locked = false;
  private writesLeft = Infinity;

  lock(): void {
    this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.writesLeft = Infinity;
  }

  /** The next `count` writes (set or delete) succeed; then the keychain is locked. */
  lockAfterWrites(count: number): void {
    this.writesLeft = count;
  }

  private write(): void {
    if (this.writesLeft <= 0) this.locked = true;
    this.writesLeft -= 1;
    if (this.locked) throw keychainFailure('locked');
  }

  override async get(account: string) {
    if (this.locked) throw keychainFailure('locked');
    return super.get(account);
  }
  override async set(account: string, secret: string) {
    this.write();
    return super.set(account, secret);
  }
  override async delete(account: string) {
    this.write();
    return super.delete(account);
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
