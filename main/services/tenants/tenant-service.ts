// The tenants service: add, edit, rotate, remove and switch tenants, verify their secrets, and
// resolve the tenant to act on. Secrets go to the keychain only; the metadata file holds hints.
import { randomBytes } from 'node:crypto';
import type {
  TenantAddSchema,
  TenantList,
  TenantUpdateSchema,
  TenantVerification,
  TenantView,
} from '../../../common/contract';
import type { z } from 'zod';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import { AppFailure } from '../errors';
import type { Clock, EventSink, Logger, SecretStore } from '../ports';
import { environmentLabel } from '../../../common/environments';
import { environmentBaseUrl } from './environments';
import { OAuthApps } from './oauth-apps';
import { describePendingFlow, noFlowGuard, pendingFlow, type PendingFlowGuard } from './pending-flow';
import { maskSecret, restoreSecrets, secretAccounts, type SavedSecret } from './secret-accounts';
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
import { verifyTenant } from './verify-tenant';

export type TenantAddInput = z.output<typeof TenantAddSchema>;
export type TenantUpdateInput = z.output<typeof TenantUpdateSchema>;
export type SecretKind = 'org' | 'user';

export interface TenantServiceOptions {
  /** The data folder: the metadata file lives here. */
  dataDir: string;
  secretStore: SecretStore;
  events: EventSink;
  clock: Clock;
  log: Logger;
  platformClient: PlatformClientFactory;
  /** The flow service, seen through the question "is a flow pending?". */
  flow?: PendingFlowGuard;
  newId?: () => string;
}

const secretAccount = (tenantId: string, which: SecretKind) =>
  which === 'org' ? secretAccounts.orgSecret(tenantId) : secretAccounts.userSecret(tenantId);
const secretName = (which: SecretKind) => (which === 'org' ? 'organization secret' : 'user secret');

/** The value trimmed; `missing` as an invalid_input failure when nothing is left (the CLI skips zod). */
function requireText(value: string, missing: string): string {
  const text = value.trim();
  if (!text) throw new AppFailure('invalid_input', missing);
  return text;
}

export class TenantService implements TenantResolver {
  private readonly registry: TenantRegistry;
  private readonly secrets: SecretStore;
  private readonly newId: () => string;
  private readonly oauthApps: OAuthApps;
  private notice: string | null = null;

  constructor(private readonly options: TenantServiceOptions) {
    this.secrets = options.secretStore;
    this.newId = options.newId ?? (() => randomBytes(6).toString('hex'));
    this.registry = new TenantRegistry({
      dataDir: options.dataDir,
      clock: options.clock,
      log: options.log,
      onRecovered: (message) => {
        this.notice = message;
        options.events.emit('app.notice', { level: 'warning', message });
      },
    });
    this.oauthApps = new OAuthApps({
      registry: this.registry,
      secrets: this.secrets,
      clock: options.clock,
      newId: this.newId,
      changed: () => this.changed(),
    });
  }

  async list(): Promise<TenantList> {
    return this.listOf(await this.registry.read());
  }

  async dismissNotice(): Promise<TenantList> {
    this.notice = null;
    return this.list();
  }

  async add(input: TenantAddInput): Promise<TenantView> {
    const name = requireText(input.name, 'Give the tenant a name.');
    const baseUrl = environmentBaseUrl(input.environment, input.customUrl);
    const orgSecret = requireText(input.orgSecret, 'Enter the organization secret.');
    const userSecret = requireText(input.userSecret, 'Enter the user secret.');
    const id = this.newId();
    let stored = false;
    let record: TenantRecord;
    try {
      record = await this.registry.update(async (data) => {
        assertTenantNameFree(data, name);
        stored = true;
        await this.secrets.set(secretAccounts.orgSecret(id), orgSecret);
        await this.secrets.set(secretAccounts.userSecret(id), userSecret);
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
      if (stored) await this.forget([secretAccounts.orgSecret(id), secretAccounts.userSecret(id)]);
      throw error;
    }
    this.options.log.info('Tenant added', { tenantId: id });
    await this.changed();
    return tenantView(record);
  }

  /** Rename, change environment or colour, rotate either secret (empty keeps the stored one). */
  async update(input: TenantUpdateInput): Promise<TenantView> {
    const rotated: SavedSecret[] = [];
    const name = input.name === undefined ? undefined : requireText(input.name, 'Give the tenant a name.');
    let record: TenantRecord;
    try {
      record = await this.registry.update(async (data) => {
        const tenant = findTenant(data, input.id);
        if (name !== undefined) assertTenantNameFree(data, name, tenant.id);
        const environment = input.environment ?? tenant.environment;
        const baseUrl =
          input.environment !== undefined || input.customUrl !== undefined
            ? environmentBaseUrl(
                environment,
                environment === 'custom' ? (input.customUrl ?? tenant.baseUrl) : null,
              )
            : tenant.baseUrl;
        assertSecretsRetypedOnMove(tenant, baseUrl, input);
        for (const which of ['org', 'user'] as const) {
          const secret = (which === 'org' ? input.orgSecret : input.userSecret)?.trim();
          if (!secret) continue;
          const account = secretAccount(tenant.id, which);
          rotated.push({ account, previous: await this.secrets.get(account) });
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
    await this.changed();
    return tenantView(record);
  }

  /** Removes the tenant and every keychain item under its prefix, then its metadata: no orphan is left. */
  async remove(input: { id: string; abandonPendingFlow?: boolean }): Promise<TenantList> {
    const tenant = findTenant(await this.registry.read(), input.id);
    await this.guardFlow(
      input.abandonPendingFlow,
      (flow) => flow.tenantId === tenant.id,
      `Removing ${tenant.name} cancels it.`,
    );
    const data = await this.registry.update(async (current) => {
      const record = findTenant(current, tenant.id);
      const prefix = secretAccounts.tenantPrefix(record.id);
      for (const account of await this.secrets.accounts()) {
        if (account.startsWith(prefix)) await this.secrets.delete(account);
      }
      current.tenants = current.tenants.filter((other) => other.id !== record.id);
      current.oauthApps = current.oauthApps.filter((app) => app.tenantId !== record.id);
      if (current.activeTenantId === record.id) current.activeTenantId = null;
      return current;
    });
    this.options.log.info('Tenant removed', { tenantId: tenant.id });
    return this.changed(data);
  }

  /** Makes the tenant the active one; a pending flow of another tenant makes it ask first (flow_pending). */
  async use(input: { id: string; abandonPendingFlow?: boolean }): Promise<TenantList> {
    const tenant = findTenant(await this.registry.read(), input.id);
    await this.guardFlow(
      input.abandonPendingFlow,
      (flow) => flow.tenantId !== tenant.id,
      `Switching to ${tenant.name} cancels it.`,
    );
    const data = await this.registry.update((current) => {
      current.activeTenantId = findTenant(current, tenant.id).id;
      return current;
    });
    return this.changed(data);
  }

  /** A cheap platform call with the stored secrets (GET /instances); the outcome in one sentence. */
  async verify(id: string): Promise<TenantVerification> {
    const tenant = findTenant(await this.registry.read(), id);
    return verifyTenant(
      await this.contextOf(tenant),
      environmentLabel(tenant.environment, tenant.baseUrl),
      this.options.platformClient,
    );
  }

  /** A secret of the tenant, for main-side use only (copy to the clipboard); never sent to the renderer. */
  async secret(id: string, which: SecretKind): Promise<string> {
    const tenant = findTenant(await this.registry.read(), id);
    return this.readSecret(tenant, secretAccount(tenant.id, which), secretName(which));
  }

  async resolve(tenant?: string): Promise<TenantContext> {
    const data = await this.registry.read();
    return this.contextOf(tenant ? findTenant(data, tenant) : activeTenant(data));
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

  private async contextOf(tenant: TenantRecord): Promise<TenantContext> {
    const orgSecret = await this.readSecret(
      tenant,
      secretAccounts.orgSecret(tenant.id),
      'organization secret',
    );
    const userSecret = await this.readSecret(tenant, secretAccounts.userSecret(tenant.id), 'user secret');
    return {
      tenantId: tenant.id,
      tenantName: tenant.name,
      environment: tenant.environment,
      credentials: { baseUrl: tenant.baseUrl, orgSecret, userSecret },
    };
  }

  private async readSecret(tenant: TenantRecord, account: string, what: string): Promise<string> {
    const secret = await this.secrets.get(account);
    if (!secret) {
      throw new AppFailure(
        'secret_missing',
        `The ${what} of ${tenant.name} is not in the keychain any more. Enter it again in the tenant's settings.`,
      );
    }
    return secret;
  }

  private async guardFlow(
    abandon: boolean | undefined,
    concerns: (flow: { tenantId: string }) => boolean,
    consequence: string,
  ) {
    const guard = this.options.flow ?? noFlowGuard;
    const pending = pendingFlow(guard.current());
    if (!pending || !concerns(pending)) return;
    if (!abandon) throw new AppFailure('flow_pending', `${describePendingFlow(pending)} ${consequence}`);
    await guard.cancel();
  }

  private listOf(data: Metadata): TenantList {
    return {
      tenants: data.tenants.map(tenantView),
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

  private async forget(accounts: string[]): Promise<void> {
    for (const account of accounts) await this.secrets.delete(account).catch(() => false);
  }
}
