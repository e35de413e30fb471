// The index of keychain accounts in the metadata file: every account is listed there (under the
// folder lock) before its item is written and dropped after it is deleted, so items are found by name.
import type { SecretStore } from '../ports';
import type { Metadata, TenantRegistry } from './tenant-registry';

export function indexAccounts(data: Metadata, accounts: readonly string[]): void {
  for (const account of accounts)
    if (!data.secretAccounts.includes(account)) data.secretAccounts.push(account);
}

export function unindexAccounts(data: Metadata, accounts: readonly string[]): void {
  data.secretAccounts = data.secretAccounts.filter((account) => !accounts.includes(account));
}

/**
 * The keychain as every service but the tenants' own changes sees it: `set` lists the account in
 * the index first, `delete` drops it after the item is gone. A crash in between leaves an indexed
 * account without an item (harmless) or an indexed orphan that `doctor` finds, never a hidden item.
 * Inside a registry change, use `raw` and edit the index of the data being changed.
 */
export class IndexedSecretStore implements SecretStore {
  constructor(
    readonly raw: SecretStore,
    readonly registry: TenantRegistry,
  ) {}

  get(account: string): Promise<string | null> {
    return this.raw.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    await this.reserve([account]);
    await this.raw.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    const existed = await this.raw.delete(account);
    await this.registry.update((data) => unindexAccounts(data, [account]));
    return existed;
  }

  /** Lists accounts in the index before their items are written. */
  reserve(accounts: readonly string[]): Promise<void> {
    return this.registry.update((data) => indexAccounts(data, accounts));
  }

  /** The indexed accounts (the keychain itself is never enumerated). */
  async known(): Promise<string[]> {
    return [...(await this.registry.read()).secretAccounts];
  }
}
