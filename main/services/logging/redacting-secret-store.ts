// A SecretStore decorator that tells the log redactor every secret the app reads from or writes to the
// keychain, so no log line can carry one, whatever code logs it.
import type { SecretStore } from '../ports';
import type { Redactor } from './redactor';

export class RedactingSecretStore implements SecretStore {
  constructor(
    private readonly inner: SecretStore,
    private readonly redactor: Redactor,
  ) {}

  async get(account: string): Promise<string | null> {
    const secret = await this.inner.get(account);
    this.redactor.add(secret);
    return secret;
  }

  /** Registered before the write, so a failing write cannot log it either. */
  set(account: string, secret: string): Promise<void> {
    this.redactor.add(secret);
    return this.inner.set(account, secret);
  }

  delete(account: string): Promise<boolean> {
    return this.inner.delete(account);
  }
}
