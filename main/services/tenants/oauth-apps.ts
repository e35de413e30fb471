// Saved OAuth apps per tenant: name, client id, callback URL and scope in the metadata file; the
// client secret in the keychain under the tenant's prefix, so removing the tenant removes it too.
import type { z } from '../../../common/zod';
import type { OAuthAppSaveSchema, OAuthAppView } from '../../../common/contract';
import type { ActivityLog } from '../activity/activity-log';
import { oauthAppSaved, tenantRecord } from '../activity/activity-records';
import { AppFailure } from '../errors';
import { assertCallbackUrl } from '../net/safe-url';
import type { Clock } from '../ports';
import { maskSecret, restoreSecrets, secretAccounts, type SavedSecret } from './secret-accounts';
import { indexAccounts, unindexAccounts, type IndexedSecretStore } from './secret-index';
import type { SavedOAuthApp } from './tenant-context';
import {
  activeTenant,
  assertOAuthAppNameFree,
  findOAuthApp,
  findTenant,
  oauthAppView,
} from './tenant-records';
import type { OAuthAppRecord, TenantRegistry } from './tenant-registry';

export type OAuthAppSaveInput = z.output<typeof OAuthAppSaveSchema>;

export interface OAuthAppsOptions {
  registry: TenantRegistry;
  secrets: IndexedSecretStore;
  clock: Clock;
  newId: () => string;
  /** Called after every change, to tell the windows. */
  changed: () => Promise<unknown>;
  activity: ActivityLog;
}

export class OAuthApps {
  constructor(private readonly options: OAuthAppsOptions) {}

  /** The saved apps of a tenant (the active one when none is named). */
  async list(tenantId?: string): Promise<OAuthAppView[]> {
    const data = await this.options.registry.read();
    const tenant = tenantId ? findTenant(data, tenantId) : activeTenant(data);
    return data.oauthApps.filter((app) => app.tenantId === tenant.id).map(oauthAppView);
  }

  /** Adds an app (client secret required) or edits one (an empty client secret keeps the stored one). */
  async save(input: OAuthAppSaveInput): Promise<OAuthAppView> {
    const { registry, secrets, clock } = this.options;
    const name = input.name.trim();
    const clientId = input.clientId.trim();
    const { callbackUrl } = assertCallbackUrl(input.callbackUrl);
    const scope = input.scope?.trim() || null;
    const clientSecret = input.clientSecret?.trim() || null;
    if (!name || !clientId)
      throw new AppFailure('invalid_input', 'An OAuth app needs a name and a client id.');
    let replaced: SavedSecret | undefined;
    let record: OAuthAppRecord;
    let owner = { id: '', name: '' };
    // A new app's account is indexed before its item is written, so a crash leaves no hidden item.
    const newAppId = this.options.newId();
    let reserved: string | undefined;
    if (!input.id && clientSecret) {
      const data = await registry.read();
      const target = findTenant(data, input.tenantId ?? activeTenant(data).id);
      reserved = secretAccounts.oauthAppSecret(target.id, newAppId);
      await secrets.reserve([reserved]);
    }
    try {
      record = await registry.update(async (data) => {
        const existing = input.id ? findOAuthApp(data, input.id) : undefined;
        const tenant = findTenant(data, existing?.tenantId ?? input.tenantId ?? activeTenant(data).id);
        owner = tenant;
        if (existing && input.tenantId && tenant.id !== findTenant(data, input.tenantId).id) {
          throw new AppFailure('oauth_app_not_found', `That OAuth app does not belong to ${tenant.name}.`);
        }
        assertOAuthAppNameFree(data, tenant, name, existing?.id);
        if (!existing && !clientSecret)
          throw new AppFailure('invalid_input', 'Enter the client secret of the OAuth app.');
        const now = clock.now();
        const app: OAuthAppRecord = existing ?? {
          id: newAppId,
          tenantId: tenant.id,
          name,
          clientId,
          callbackUrl,
          scope,
          clientSecretHint: '',
          createdAt: now,
          updatedAt: now,
        };
        if (clientSecret) {
          const account = secretAccounts.oauthAppSecret(tenant.id, app.id);
          replaced = { account, previous: existing ? await secrets.get(account) : null };
          indexAccounts(data, [account]);
          await secrets.raw.set(account, clientSecret);
          app.clientSecretHint = maskSecret(clientSecret);
        }
        Object.assign(app, { name, clientId, callbackUrl, scope, updatedAt: now });
        if (!existing) data.oauthApps.push(app);
        return app;
      });
    } catch (error) {
      if (replaced) await restoreSecrets(secrets, [replaced]);
      else if (reserved) await secrets.delete(reserved).catch(() => false);
      throw error;
    }
    await this.options.activity.record(oauthAppSaved(owner, record, clientSecret !== null));
    await this.options.changed();
    return oauthAppView(record);
  }

  async remove(appId: string): Promise<void> {
    const removed = await this.options.registry.update(async (data) => {
      const app = findOAuthApp(data, appId);
      const account = secretAccounts.oauthAppSecret(app.tenantId, app.id);
      await this.options.secrets.raw.delete(account);
      unindexAccounts(data, [account]);
      data.oauthApps = data.oauthApps.filter((other) => other.id !== app.id);
      return { owner: findTenant(data, app.tenantId), app: app.name };
    });
    await this.options.activity.record(
      tenantRecord('oauth-app.removed', removed.owner, { app: removed.app }),
    );
    await this.options.changed();
  }

  /** The app with its client secret from the keychain, for the flow (main only). */
  async get(tenantId: string, appId: string): Promise<SavedOAuthApp> {
    const data = await this.options.registry.read();
    const app = findOAuthApp(data, appId, tenantId);
    const clientSecret = await this.options.secrets.get(secretAccounts.oauthAppSecret(app.tenantId, app.id));
    if (!clientSecret) {
      throw new AppFailure(
        'secret_missing',
        `The client secret of the OAuth app “${app.name}” is not in the keychain any more. Enter it again.`,
      );
    }
    const saved: SavedOAuthApp = {
      id: app.id,
      name: app.name,
      clientId: app.clientId,
      clientSecret,
      callbackUrl: app.callbackUrl,
    };
    if (app.scope) saved.scope = app.scope;
    return saved;
  }
}
