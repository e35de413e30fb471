// The tenants service: add, edit, rotate, remove and switch tenants, verify their secrets, and
// resolve the tenant to act on. Secrets go to the keychain only; the metadata file holds hints.
import { randomBytes } from '../lazy-crypto';
import type {
  TenantAddSchema,
  TenantList,
  TenantRemoveSchema,
  TenantUpdateSchema,
  TenantVerification,
  TenantView,
} from '../../../common/contract';
import type { z } from '../../../common/zod';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import { noActivity, type ActivityLog } from '../activity/activity-log';
import { tenantAdded, tenantRecord, tenantRemoved, tenantUpdated } from '../activity/activity-records';
import type { Checkpoint, Clock, EventSink, Logger, SecretStore } from '../ports';
import { environmentLabel } from '../../../common/environments';
import { environmentBaseUrl } from './environments';
import { OAuthApps } from './oauth-apps';
import { afterPartialChange } from './keychain-failures';
import { maskSecret, restoreSecrets, secretAccounts, type SavedSecret } from './secret-accounts';
import { IndexedSecretStore, indexAccounts } from './secret-index';
import { TenantSecretStores } from './tenant-secret-stores';
import { readTenantSecret, tenantContextOf } from './tenant-credentials';
import { teamStoreHome } from './tenant-sharing';
import { TenantKeychain } from './tenant-keychain';
import { lookalikeNotice, lookalikeOf, tenantName } from './tenant-names';
import type { SavedOAuthApp, TenantContext, TenantResolver } from './tenant-context';
import {
  activeTenant,
  assertSecretsRetypedOnMove,
  assertTenantNameFree,
  findTenant,
  oauthAppView,
  tenantView,
} from './tenant-records';
import { TenantRegistry, type Metadata, type TenantRecord } from './tenant-registry';
import { checkOf, recordCheck, verifyTenant } from './verify-tenant';

export type TenantAddInput = z.output<typeof TenantAddSchema>;
export type TenantUpdateInput = z.output<typeof TenantUpdateSchema>;
export type TenantRemoveInput = z.output<typeof TenantRemoveSchema>;
export type TenantSecretKind = 'org' | 'user';

export interface TenantServiceOptions {
  /** The data folder: the metadata file lives here. */
  dataDir: string;
  secretStore: SecretStore;
  events: EventSink;
  clock: Clock;
  log: Logger;
  platformClient: PlatformClientFactory;
  newId?: () => string;
  activity?: ActivityLog;
  checkpoint?: Checkpoint;
}

const secretAccount = (tenantId: string, which: TenantSecretKind) =>
  which === 'org' ? secretAccounts.orgSecret(tenantId) : secretAccounts.userSecret(tenantId);
const secretName = (which: TenantSecretKind) => (which === 'org' ? 'organization secret' : 'user secret');

export class TenantService implements TenantResolver {
  private readonly registry: TenantRegistry;
  /** Every tenant's items, each where its tenant keeps them (keychain or team store). */
  readonly secrets: TenantSecretStores;
  /** The keychain for every other service: accounts are indexed in the metadata. */
  readonly keychain: IndexedSecretStore;
  private readonly tenantKeychain: TenantKeychain;
  private readonly newId: () => string;
  private readonly oauthApps: OAuthApps;
  private readonly activity: ActivityLog;
  private notice: string | null = null;

  constructor(private readonly options: TenantServiceOptions) {
    this.newId = options.newId ?? (() => randomBytes(6).toString('hex'));
    this.activity = options.activity ?? noActivity;
    this.registry = new TenantRegistry({
      dataDir: options.dataDir,
      clock: options.clock,
      log: options.log,
      onRecovered: (message) => {
        this.notice = message;
        options.events.emit('app.notice', { level: 'warning', message });
      },
    });
    this.secrets = new TenantSecretStores(
      options.secretStore,
      () => this.registry.secretHomes(),
      (secret) => options.log.hide(secret),
    );
    this.keychain = new IndexedSecretStore(this.secrets, this.registry);
    this.tenantKeychain = new TenantKeychain(this.registry, this.secrets, options.checkpoint);
    this.oauthApps = new OAuthApps({
      registry: this.registry,
      secrets: this.keychain,
      clock: options.clock,
      newId: this.newId,
      changed: () => this.changed(),
      activity: this.activity,
    });
  }

  async list(): Promise<TenantList> {
    return this.listOf(await this.registry.read());
  }

  async dismissNotice(): Promise<TenantList> {
    this.notice = null;
    return this.list();
  }

  /**
   * Lists the new accounts in the index, writes both secrets, then the tenant: a crash or failure at
   * any point leaves indexed items without a tenant, which are deleted here or by `doctor`.
   */
  async add(input: TenantAddInput): Promise<TenantView> {
    const name = tenantName(input.name);
    const { orgSecret, userSecret } = input;
    const baseUrl = environmentBaseUrl(input.environment, input.customUrl);
    const teamStore = input.teamStore && teamStoreHome(input.teamStore);
    const id = this.newId();
    const accounts = [secretAccounts.orgSecret(id), secretAccounts.userSecret(id)];
    let record: TenantRecord;
    let lookalike: string | undefined;
    await this.tenantKeychain.assertWorks(secretAccounts.orgSecret(id), `${name} was not added.`);
    try {
      await this.tenantKeychain.writeNew(
        [
          [secretAccounts.orgSecret(id), orgSecret],
          [secretAccounts.userSecret(id), userSecret],
        ],
        (data) => {
          assertTenantNameFree(data, name);
          if (teamStore) data.secretHomes[id] = teamStore;
        },
        'tenant-add',
      );
      record = await this.registry.update((data) => {
        assertTenantNameFree(data, name);
        lookalike = lookalikeOf(
          name,
          data.tenants.map(({ name: other }) => other),
        );
        const now = this.options.clock.now();
        const created: TenantRecord = {
          id,
          name,
          environment: input.environment,
          baseUrl,
          color: input.color ?? null,
          orgSecretHint: maskSecret(orgSecret),
          userSecretHint: maskSecret(userSecret),
          createdAt: now,
          updatedAt: now,
        };
        data.tenants.push(created);
        data.activeTenantId ??= id;
        return created;
      });
    } catch (error) {
      await this.tenantKeychain.forget(accounts);
      await this.registry.update((data) => delete data.secretHomes[id]).catch(() => undefined);
      throw afterPartialChange(error, '', `${name} was not added.`);
    }
    this.options.log.info('Tenant added', { tenantId: id });
    await this.activity.record(tenantAdded(record));
    if (lookalike) this.options.events.emit('app.notice', lookalikeNotice(name, lookalike));
    await this.changed();
    return tenantView(record, teamStore);
  }

  /** Rename, change environment or colour, rotate either secret (empty keeps the stored one). */
  async update(input: TenantUpdateInput): Promise<TenantView> {
    const rotated: SavedSecret[] = [];
    const name = input.name === undefined ? undefined : tenantName(input.name);
    let record: TenantRecord;
    let lookalike: string | undefined;
    try {
      record = await this.registry.update(async (data) => {
        const tenant = findTenant(data, input.id);
        if (name !== undefined) {
          assertTenantNameFree(data, name, tenant.id);
          lookalike = lookalikeOf(
            name,
            data.tenants.filter((other) => other !== tenant).map((other) => other.name),
          );
        }
        const environment = input.environment ?? tenant.environment;
        const baseUrl =
          input.environment !== undefined || input.customUrl !== undefined
            ? environmentBaseUrl(
                environment,
                environment === 'custom' ? (input.customUrl ?? tenant.baseUrl) : null,
              )
            : tenant.baseUrl;
        assertSecretsRetypedOnMove(tenant, baseUrl, input);
        if (baseUrl !== tenant.baseUrl || input.orgSecret?.trim() || input.userSecret?.trim())
          delete tenant.check;
        for (const which of ['org', 'user'] as const) {
          const secret = (which === 'org' ? input.orgSecret : input.userSecret)?.trim();
          if (!secret) continue;
          const account = secretAccount(tenant.id, which);
          rotated.push({ account, previous: await this.secrets.get(account) });
          indexAccounts(data, [account]);
          await this.secrets.set(account, secret);
          if (which === 'org') tenant.orgSecretHint = maskSecret(secret);
          else tenant.userSecretHint = maskSecret(secret);
        }
        if (name !== undefined) tenant.name = name;
        if (input.color !== undefined) tenant.color = input.color;
        Object.assign(tenant, { environment, baseUrl, updatedAt: this.options.clock.now() });
        return tenant;
      });
    } catch (error) {
      await restoreSecrets(this.secrets, rotated);
      throw error;
    }
    this.options.log.info('Tenant updated', { tenantId: record.id, rotated: rotated.length });
    await this.activity.record(tenantUpdated(record, input));
    if (lookalike) this.options.events.emit('app.notice', lookalikeNotice(record.name, lookalike));
    await this.changed();
    return tenantView(record);
  }

  /**
   * Removes the tenant from the list first, then deletes its indexed keychain items, then their
   * index entries: a crash or a keychain failure midway leaves indexed orphans that `doctor` deletes.
   */
  async remove(input: TenantRemoveInput): Promise<TenantList> {
    const data = await this.registry.read();
    const tenant = findTenant(data, input.id);
    // A team store's entries stay for the team: only this computer forgets where they are.
    if (!data.secretHomes[tenant.id])
      await this.tenantKeychain.assertWorks(
        secretAccounts.orgSecret(tenant.id),
        `${tenant.name} was not removed.`,
      );
    const prefix = secretAccounts.tenantPrefix(tenant.id);
    const owned = await this.registry.update((current) => {
      const record = findTenant(current, tenant.id);
      current.tenants = current.tenants.filter((other) => other.id !== record.id);
      current.oauthApps = current.oauthApps.filter((app) => app.tenantId !== record.id);
      if (current.activeTenantId === record.id) current.activeTenantId = null;
      delete current.secretHomes[record.id];
      return current.secretAccounts.filter((account) => account.startsWith(prefix));
    });
    await this.tenantKeychain.deleteOwned(tenant.name, owned, 'tenant-remove');
    this.options.log.info('Tenant removed', { tenantId: tenant.id });
    await this.activity.record(tenantRemoved(tenant, input.keepActivity));
    if (input.keepActivity === false) await this.activity.forget(tenant.id);
    return this.changed();
  }

  /** The tenant with this id or name, as the renderer sees it. */
  async view(idOrName: string): Promise<TenantView> {
    const data = await this.registry.read();
    const tenant = findTenant(data, idOrName);
    return tenantView(tenant, data.secretHomes[tenant.id]);
  }

  /** Makes the tenant the active one (TenantSwitch asks about a flow in progress first). */
  async use(input: { id: string }): Promise<TenantList> {
    const tenant = findTenant(await this.registry.read(), input.id);
    const data = await this.registry.update((current) => {
      current.activeTenantId = findTenant(current, tenant.id).id;
      return current;
    });
    return this.changed(data);
  }

  /**
   * A cheap platform call with the stored secrets (GET /instances); the outcome in one sentence,
   * kept as the tenant's check unless its secrets or platform changed while it ran.
   */
  async verify(id: string): Promise<TenantVerification> {
    const data = await this.registry.read();
    const tenant = findTenant(data, id);
    const outcome = await verifyTenant(
      await tenantContextOf(this.secrets, tenant, data.secretHomes[tenant.id]),
      environmentLabel(tenant.environment, tenant.baseUrl),
      this.options.platformClient,
    );
    await this.changed(await recordCheck(this.registry, tenant, checkOf(outcome, this.options.clock.now())));
    return outcome;
  }

  /** A secret of the tenant, for main-side use only (copy to the clipboard); never sent to the renderer. */
  async secret(id: string, which: TenantSecretKind): Promise<string> {
    const data = await this.registry.read();
    const tenant = findTenant(data, id);
    const home = data.secretHomes[tenant.id];
    const secret = await readTenantSecret(
      this.secrets,
      tenant,
      home,
      secretAccount(tenant.id, which),
      secretName(which),
    );
    await this.activity.record(tenantRecord('tenant.secret-copied', tenant, { which }));
    return secret;
  }

  async resolve(tenant?: string): Promise<TenantContext> {
    const data = await this.registry.read();
    const record = tenant ? findTenant(data, tenant) : activeTenant(data);
    return tenantContextOf(this.secrets, record, data.secretHomes[record.id]);
  }

  oauthApp(tenantId: string, appId: string): Promise<SavedOAuthApp> {
    return this.oauthApps.get(tenantId, appId);
  }

  listOAuthApps(tenantId?: string) {
    return this.oauthApps.list(tenantId);
  }

  saveOAuthApp(input: Parameters<OAuthApps['save']>[0]) {
    return this.oauthApps.save(input);
  }

  async removeOAuthApp(id: string): Promise<TenantList> {
    await this.oauthApps.remove(id);
    return this.list();
  }

  private listOf(data: Metadata): TenantList {
    return {
      tenants: data.tenants.map((tenant) => tenantView(tenant, data.secretHomes[tenant.id])),
      activeTenantId: data.activeTenantId,
      oauthApps: data.oauthApps.map(oauthAppView),
      notice: this.notice,
    };
  }

  /** Tells every window the tenants changed; returns the list it sent. */
  private async changed(data?: Metadata): Promise<TenantList> {
    const list = data ? this.listOf(data) : await this.list();
    this.options.events.emit('tenants.changed', list);
    return list;
  }
}
