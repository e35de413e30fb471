// The keychain side of adding and removing a tenant, in the order that survives a crash: index,
// then items, then the record on add; the record, then items, then the index on remove.
import { noCheckpoint, type Checkpoint, type SecretStore } from '../ports';
import { afterPartialChange } from './keychain-failures';
import { indexAccounts, unindexAccounts } from './secret-index';
import type { Metadata, TenantRegistry } from './tenant-registry';

export class TenantKeychain {
  constructor(
    private readonly registry: TenantRegistry,
    private readonly secrets: SecretStore,
    private readonly checkpoint: Checkpoint = noCheckpoint,
  ) {}

  /** A keychain that is locked or missing fails here, before anything is written. */
  async assertWorks(account: string, notDone: string): Promise<void> {
    try {
      await this.secrets.get(account);
    } catch (error) {
      throw afterPartialChange(error, '', notDone);
    }
  }

  /**
   * Lists the accounts in the index (after `check` passed under the lock), then writes the items.
   * Checkpoints: `<point>:indexed`, `<point>:item-written` after each item, `<point>:secrets-written`.
   */
  async writeNew(items: [account: string, secret: string][], check: (data: Metadata) => void, point: string) {
    await this.registry.update((data) => {
      check(data);
      indexAccounts(
        data,
        items.map(([account]) => account),
      );
    });
    this.checkpoint(`${point}:indexed`);
    for (const [account, secret] of items) {
      await this.secrets.set(account, secret);
      this.checkpoint(`${point}:item-written`);
    }
    this.checkpoint(`${point}:secrets-written`);
  }

  /** Deletes items of a change that failed, then their index entries; what fails stays for `doctor`. */
  async forget(accounts: string[]): Promise<void> {
    const gone: string[] = [];
    for (const account of accounts) {
      const deleted = await this.secrets.delete(account).then(
        () => true,
        () => false,
      );
      if (deleted) gone.push(account);
    }
    await this.registry.update((data) => unindexAccounts(data, gone)).catch(() => undefined);
  }

  /** Deletes the items of a tenant already removed from the list; a failure says how far it got.
   * Checkpoints: `<point>:unlisted` first, `<point>:secret-deleted` after each item. */
  async deleteOwned(tenantName: string, owned: string[], point: string): Promise<void> {
    this.checkpoint(`${point}:unlisted`);
    const deleted: string[] = [];
    try {
      for (const account of owned) {
        await this.secrets.delete(account);
        deleted.push(account);
        this.checkpoint(`${point}:secret-deleted`);
      }
    } catch (error) {
      throw afterPartialChange(
        error,
        `${tenantName} was removed from the tenant list, and ${deleted.length} of its ${owned.length} keychain items were deleted.`,
        'The others are still in the keychain: run “element-auth doctor --repair” (or restart the app) once it works again to delete them.',
      );
    } finally {
      await this.registry.update((data) => unindexAccounts(data, deleted)).catch(() => undefined);
    }
  }
}
