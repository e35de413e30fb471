// Sharing a tenant whose secrets live in a team `pass` store: "share" writes what a teammate needs
// to set it up (never a secret); "join" adds it here after checking this computer can read every entry.
import { randomBytes } from '../lazy-crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  describeIssues,
  TENANT_SHARE_FORMAT,
  TenantShareSchema,
  type TenantShare,
  type TenantView,
} from '../../../common/contract';
import type { ActivityLog } from '../activity/activity-log';
import { tenantAdded } from '../activity/activity-records';
import { AppFailure } from '../errors';
import { assertCallbackUrl } from '../net/safe-url';
import type { Clock } from '../ports';
import { environmentBaseUrl } from './environments';
import { maskSecret, secretAccounts } from './secret-accounts';
import { indexAccounts } from './secret-index';
import { teamStoreFailures } from './team-store/team-store-failures';
import { teamEntryOfAccount, type TenantSecretStores } from './tenant-secret-stores';
import { assertTenantNameFree, findTenant, tenantView } from './tenant-records';
import type { OAuthAppRecord, SecretHome, TenantRecord, TenantRegistry } from './tenant-registry';
import { tenantName } from './tenant-names';

export interface TenantSharingOptions {
  registry: TenantRegistry;
  stores: TenantSecretStores;
  clock: Clock;
  activity: ActivityLog;
  newId?: () => string;
}

/** A share file's text as the document it must be; a plain sentence when it is not one. */
export function parseTenantShare(text: string): TenantShare {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppFailure('invalid_input', 'That file is not a shared tenant: it is not JSON.');
  }
  const parsed = TenantShareSchema.safeParse(json);
  if (!parsed.success)
    throw new AppFailure(
      'invalid_input',
      `That file is not a shared tenant (${TENANT_SHARE_FORMAT}): ${describeIssues(parsed.error)}`,
    );
  return parsed.data;
}

/** The store folder to use: as typed (`~/…` is the home folder's), else PASSWORD_STORE_DIR, else pass's default. */
export function teamStoreFolder(typed: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = typed?.trim() || env.PASSWORD_STORE_DIR || '~/.password-store';
  const expanded = chosen === '~' || chosen.startsWith('~/') ? path.join(homedir(), chosen.slice(1)) : chosen;
  return path.resolve(expanded);
}

/** Where a tenant added into a team store keeps its secrets: the folder resolved, the entry path. */
export const teamStoreHome = (ref: { dir: string; entry: string }): SecretHome => ({
  kind: 'pass',
  dir: teamStoreFolder(ref.dir),
  entry: ref.entry,
});

/** A file name for a shared tenant: its name in plain letters, e.g. "acme-corp.tenant.json". */
export const shareFileName = (tenantName: string) =>
  `${
    tenantName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'tenant'
  }.tenant.json`;

export class TenantSharing {
  private readonly newId: () => string;

  constructor(private readonly options: TenantSharingOptions) {
    this.newId = options.newId ?? (() => randomBytes(6).toString('hex'));
  }

  /** The document a teammate joins with; refused for a tenant whose secrets are in this keychain only. */
  async share(idOrName: string): Promise<TenantShare> {
    const data = await this.options.registry.read();
    const tenant = findTenant(data, idOrName);
    const home = data.secretHomes[tenant.id];
    if (!home) {
      throw new AppFailure(
        'invalid_input',
        `${tenant.name}'s secrets are in this computer's keychain, where no teammate can read them, so nothing was shared. ` +
          'Add the tenant with its secrets in the team password store first (element-auth tenant add --team-store …).',
      );
    }
    return {
      format: TENANT_SHARE_FORMAT,
      name: tenant.name,
      environment: tenant.environment,
      baseUrl: tenant.baseUrl,
      color: tenant.color,
      teamStore: { kind: 'pass', entry: home.entry },
      oauthApps: data.oauthApps
        .filter((app) => app.tenantId === tenant.id)
        .map(({ id, name, clientId, callbackUrl, scope }) => ({ id, name, clientId, callbackUrl, scope })),
    };
  }

  /** Reads every entry the tenant needs (a pull first), so a teammate without access learns it now. */
  private async readEntries(home: SecretHome, accounts: string[]): Promise<string[]> {
    const store = this.options.stores.teamStore(home.dir);
    await store.pull(true);
    const values: string[] = [];
    for (const account of accounts) {
      const entry = teamEntryOfAccount(home, account);
      const value = await store.get(entry);
      if (value === null) throw teamStoreFailures.entryMissing(entry);
      values.push(value);
    }
    return values;
  }

  /** Adds the shared tenant here, its secrets read from the store in `dir` when used. */
  async join(shared: TenantShare, dir: string): Promise<TenantView> {
    const name = tenantName(shared.name);
    const baseUrl = environmentBaseUrl(
      shared.environment,
      shared.environment === 'custom' ? shared.baseUrl : null,
    );
    for (const app of shared.oauthApps) assertCallbackUrl(app.callbackUrl);
    const id = this.newId();
    const home = teamStoreHome({ dir, entry: shared.teamStore.entry });
    const appAccounts = shared.oauthApps.map((app) => secretAccounts.oauthAppSecret(id, app.id));
    const accounts = [secretAccounts.orgSecret(id), secretAccounts.userSecret(id), ...appAccounts];
    const [orgSecret, userSecret, ...clientSecrets] = await this.readEntries(home, accounts);
    const now = this.options.clock.now();
    const record: TenantRecord = {
      id,
      name,
      environment: shared.environment,
      baseUrl,
      color: shared.color,
      orgSecretHint: maskSecret(orgSecret),
      userSecretHint: maskSecret(userSecret),
      createdAt: now,
      updatedAt: now,
    };
    await this.options.registry.update((data) => {
      assertTenantNameFree(data, name);
      const taken = shared.oauthApps.find((app) => data.oauthApps.some((other) => other.id === app.id));
      if (taken)
        throw new AppFailure(
          'tenant_exists',
          `The OAuth app “${taken.name}” of ${name} is here already: was this tenant joined before under another name?`,
        );
      data.secretHomes[id] = home;
      data.tenants.push(record);
      data.oauthApps.push(
        ...shared.oauthApps.map((app, index): OAuthAppRecord => ({
          ...app,
          tenantId: id,
          clientSecretHint: maskSecret(clientSecrets[index]),
          createdAt: now,
          updatedAt: now,
        })),
      );
      indexAccounts(data, accounts);
      data.activeTenantId ??= id;
    });
    await this.options.activity.record(tenantAdded(record));
    return tenantView(record, home);
  }
}
