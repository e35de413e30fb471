// The one SecretStore the services see: each tenant's items go where that tenant's secrets live
// (this computer's keychain, or its team `pass` store); the services never know which.
import type { SecretStore } from '../ports';
import { PassSecretStore } from './team-store/pass-secret-store';
import type { SecretHome } from './tenant-registry';

const TENANT_ACCOUNT = /^tenant:([^:]+):(.+)$/;

/** "tenant:<id>:oauth-app:<app>" in the store under "customers/acme" is "customers/acme/oauth-app/<app>". */
export const teamEntryOf = (home: Pick<SecretHome, 'entry'>, item: string) =>
  `${home.entry}/${item.replaceAll(':', '/')}`;

/** The team-store entry of a tenant's account, e.g. its org secret: customers/acme/org-secret. */
export function teamEntryOfAccount(home: Pick<SecretHome, 'entry'>, account: string): string {
  const item = TENANT_ACCOUNT.exec(account)?.[2];
  if (!item) throw new Error(`${account} is not a tenant's account`);
  return teamEntryOf(home, item);
}

export class TenantSecretStores implements SecretStore {
  private readonly teams = new Map<string, PassSecretStore>();

  constructor(
    private readonly keychain: SecretStore,
    /** Where tenants' secrets live, by tenant id (read when needed: another process may change it). */
    private readonly homes: () => Promise<Record<string, SecretHome>>,
    /** Told every secret a team store reads or writes (the log's `hide`). */
    private readonly hide: (secret: string) => void,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** One store object per folder, so its pulls are spaced out across calls. */
  teamStore(dir: string): PassSecretStore {
    let store = this.teams.get(dir);
    if (!store) {
      store = new PassSecretStore({ dir, env: this.env, hide: this.hide });
      this.teams.set(dir, store);
    }
    return store;
  }

  private async route(account: string): Promise<[SecretStore, string]> {
    const match = TENANT_ACCOUNT.exec(account);
    const home = match?.[1] ? (await this.homes())[match[1]] : undefined;
    if (!home || !match?.[2]) return [this.keychain, account];
    return [this.teamStore(home.dir), teamEntryOf(home, match[2])];
  }

  async get(account: string): Promise<string | null> {
    const [store, name] = await this.route(account);
    return store.get(name);
  }

  async set(account: string, secret: string): Promise<void> {
    const [store, name] = await this.route(account);
    await store.set(name, secret);
  }

  async delete(account: string): Promise<boolean> {
    const [store, name] = await this.route(account);
    return store.delete(name);
  }
}
