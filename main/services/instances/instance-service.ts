// The instances service: list, inspect (redacted), test, delete and export a tenant's element
// instances, and the POST body that would recreate one elsewhere. Tokens stay in main.
import type { InstanceDetail, InstanceList, InstanceTest } from '../../../common/contract';
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import { noActivity, type ActivityLog } from '../activity/activity-log';
import { instanceRecord, instancesExported, instanceTested } from '../activity/activity-records';
import { AppFailure, isFailure } from '../errors';
import type { Clock, Logger, SecretStore } from '../ports';
import { silentLogger } from '../ports';
import { afterPartialChange } from '../tenants/keychain-failures';
import { maskSecret, secretAccounts } from '../tenants/secret-accounts';
import type { TenantContext, TenantResolver } from '../tenants/tenant-context';
import { EXPORT_TO_STDOUT, exportHead, suggestedExportName, type ExportStream } from './export-document';
import { configurationEntries, createBodyOf, platformToken, summarise } from './instance-views';
import { MASKED_SECRET, redactInstance } from './redact';

export interface InstanceServiceOptions {
  tenants: TenantResolver;
  secrets: SecretStore;
  clock: Clock;
  platformClient: PlatformClientFactory;
  log?: Logger;
  activity?: ActivityLog;
}

export type ExportSelection = number[] | 'all';

export const INVALID_TOKEN_SENTENCE = 'The instance token is invalid or the instance was deleted.';

/**
 * Which token acts for an instance (test, copy, export with secrets): the one this app stored in
 * the keychain when it created or re-authenticated the instance; when the keychain has none, the
 * token the platform shows. If the stored token is refused but the platform shows a different
 * one (the instance was re-authenticated elsewhere), that one is tried and then kept instead.
 */
export class InstanceService {
  private readonly log: Logger;
  private readonly activity: ActivityLog;

  constructor(private readonly options: InstanceServiceOptions) {
    this.log = options.log ?? silentLogger;
    this.activity = options.activity ?? noActivity;
  }

  async list(tenant?: string): Promise<InstanceList> {
    const context = await this.options.tenants.resolve(tenant);
    const instances = await this.client(context).listInstances();
    return {
      tenantId: context.tenantId,
      tenantName: context.tenantName,
      instances: instances.map(summarise),
    };
  }

  async get(id: number, tenant?: string): Promise<InstanceDetail> {
    const context = await this.options.tenants.resolve(tenant);
    const instance = await this.fetch(this.client(context), context, id);
    const redacted = redactInstance(instance);
    const configuration = configurationEntries(redacted);
    const token = (await this.storedToken(context, id)) ?? platformToken(instance);
    return {
      tenantId: context.tenantId,
      tenantName: context.tenantName,
      instance: redacted,
      configuration,
      tokenHint: maskSecret(token),
    };
  }

  /** GET /hubs/crm/ping with the instance's token: OK with the platform's time, or why not. */
  async test(id: number, tenant?: string): Promise<InstanceTest> {
    const context = await this.options.tenants.resolve(tenant);
    const outcome = await this.ping(context, id);
    await this.activity.record(instanceTested(context, id, outcome));
    return outcome;
  }

  private async ping(context: TenantContext, id: number): Promise<InstanceTest> {
    const client = this.client(context);
    const stored = await this.storedToken(context, id);
    const token = stored ?? platformToken(await this.fetch(client, context, id));
    if (!token) {
      return {
        ok: false,
        code: 'secret_missing',
        message:
          'This instance has no token in the keychain and the platform does not show one. Re-authenticate it.',
      };
    }
    try {
      return this.pinged(await client.ping(token));
    } catch (error) {
      const fromPlatform =
        isFailure(error) && (error.code.startsWith('platform_') || error.code === 'timeout');
      if (!fromPlatform) throw error;
      if (error.code !== 'platform_unauthorized')
        return { ok: false, code: error.code, message: error.message };
    }
    const fresher = stored ? await this.fresherPlatformToken(client, id, stored) : undefined;
    if (fresher) {
      try {
        const outcome = this.pinged(await client.ping(fresher));
        await this.options.secrets.set(secretAccounts.instanceToken(context.tenantId, id), fresher);
        return outcome;
      } catch (error) {
        if (!isFailure(error, 'platform_unauthorized')) throw error;
      }
    }
    return { ok: false, code: 'platform_unauthorized', message: INVALID_TOKEN_SENTENCE };
  }

  /** The token to copy to the clipboard: main-side only, never sent to the renderer. */
  async token(id: number, tenant?: string): Promise<string> {
    const context = await this.options.tenants.resolve(tenant);
    const token =
      (await this.storedToken(context, id)) ??
      platformToken(await this.fetch(this.client(context), context, id));
    if (!token) {
      throw new AppFailure(
        'secret_missing',
        'This instance has no token in the keychain and the platform does not show one.',
      );
    }
    await this.activity.record(instanceRecord('instance.token-copied', context, id));
    return token;
  }

  /** Deletes the instance on the platform once the typed name matches, then its keychain token. */
  async delete(id: number, confirmName: string, tenant?: string): Promise<{ id: number; name: string }> {
    const context = await this.options.tenants.resolve(tenant);
    const client = this.client(context);
    const instance = await this.fetch(client, context, id);
    if (confirmName.trim() !== instance.name.trim()) {
      throw new AppFailure(
        'confirmation_mismatch',
        `The name you typed does not match “${instance.name}”, so nothing was deleted from ${context.tenantName}.`,
      );
    }
    try {
      await client.deleteInstance(id);
    } catch (error) {
      throw this.notFound(error, context, id);
    }
    try {
      await this.options.secrets.delete(secretAccounts.instanceToken(context.tenantId, id));
      await this.options.secrets.delete(secretAccounts.signatureKey(context.tenantId, id));
    } catch (error) {
      throw afterPartialChange(
        error,
        `Instance ${id} “${instance.name}” was deleted from ${context.tenantName} on the platform,`,
        'but its token could not be removed from the keychain (it is deleted when the tenant is removed).',
      );
    }
    this.log.info('Instance deleted', { tenantId: context.tenantId, instanceId: id });
    await this.activity.record(instanceRecord('instance.deleted', context, id, instance.name));
    return { id, name: instance.name };
  }

  /**
   * The export of some or all of the tenant's instances, as a stream: the list is asked for now (a refusal
   * comes before any file exists), the instances are read while the document is written. Redacted by
   * default; with secrets, the platform's values plus the keychain's token and signature key where the
   * platform masks them. The activity log records the export once the last instance has passed.
   */
  async export(
    selection: ExportSelection,
    includeSecrets: boolean,
    tenant?: string,
    /** Where the document goes (a file path, or EXPORT_TO_STDOUT), for the activity log. */
    destination?: string,
  ): Promise<ExportStream> {
    const context = await this.options.tenants.resolve(tenant);
    const client = this.client(context);
    const source =
      selection === 'all'
        ? await client.streamInstances()
        : this.pick(await client.listInstances(), selection, context);
    const head = exportHead({
      tenant: {
        name: context.tenantName,
        environment: context.environment,
        baseUrl: context.credentials.baseUrl,
      },
      exportedAt: new Date(this.options.clock.now()),
      includeSecrets,
    });
    const ids: number[] = [];
    const completed = async function* (this: InstanceService) {
      let finished = false;
      try {
        for await (const instance of source) {
          ids.push(instance.id);
          yield includeSecrets ? await this.withKeychainSecrets(context, instance) : redactInstance(instance);
        }
        finished = true;
      } finally {
        // A file cut short is never left behind; standard output cut short (its reader closed it, the
        // platform broke off) has handed out what it had: that is recorded too, as a failed export.
        if (finished || (destination === EXPORT_TO_STDOUT && ids.length > 0)) {
          const record = instancesExported(context, ids, includeSecrets, destination);
          await this.activity.record(finished ? record : { ...record, outcome: 'failed' });
        }
      }
    };
    return {
      head,
      instances: completed.call(this),
      get count() {
        return ids.length;
      },
    };
  }

  /** The POST /instances body that recreates the instance elsewhere: no code, no tokens, no secrets. */
  async createBody(id: number, tenant?: string): Promise<Record<string, unknown>> {
    const context = await this.options.tenants.resolve(tenant);
    return createBodyOf(await this.fetch(this.client(context), context, id));
  }

  /** The tenant an export acts on and the file name to suggest, asked before the save dialog opens. */
  async exportTarget(
    tenant?: string,
  ): Promise<{ tenantId: string; tenantName: string; defaultName: string }> {
    const context = await this.options.tenants.resolve(tenant);
    const defaultName = suggestedExportName(context.tenantName, new Date(this.options.clock.now()));
    return { tenantId: context.tenantId, tenantName: context.tenantName, defaultName };
  }

  private client(context: TenantContext): PlatformClient {
    return this.options.platformClient(context.credentials);
  }

  private pinged(answer: { dateTime?: string }): InstanceTest {
    const at = answer.dateTime ? ` Platform time: ${answer.dateTime}.` : '';
    return {
      ok: true,
      message: `OK: the platform accepted the instance token.${at}`,
      dateTime: answer.dateTime,
    };
  }

  private storedToken(context: TenantContext, id: number): Promise<string | null> {
    return this.options.secrets.get(secretAccounts.instanceToken(context.tenantId, id));
  }

  private async fresherPlatformToken(
    client: PlatformClient,
    id: number,
    stored: string,
  ): Promise<string | undefined> {
    try {
      const token = platformToken(await client.getInstance(id));
      return token !== stored ? token : undefined;
    } catch (error) {
      if (isFailure(error, 'platform_not_found')) return undefined;
      throw error;
    }
  }

  private async fetch(client: PlatformClient, context: TenantContext, id: number): Promise<PlatformInstance> {
    try {
      return await client.getInstance(id);
    } catch (error) {
      throw this.notFound(error, context, id);
    }
  }

  private notFound(error: unknown, context: TenantContext, id: number): unknown {
    if (!isFailure(error, 'platform_not_found')) return error;
    return new AppFailure(
      'instance_not_found',
      `Instance ${id} is not in ${context.tenantName} any more: it may have been deleted. Refresh the list.`,
      error.details,
    );
  }

  private pick(all: PlatformInstance[], ids: number[], context: TenantContext): PlatformInstance[] {
    const byId = new Map(all.map((instance) => [instance.id, instance]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? '…' : '');
      throw new AppFailure(
        'instance_not_found',
        `${context.tenantName} no longer has instance ${shown}. Refresh the list.`,
      );
    }
    return [...new Set(ids)].map((id) => byId.get(id) as PlatformInstance);
  }

  private async withKeychainSecrets(
    context: TenantContext,
    instance: PlatformInstance,
  ): Promise<PlatformInstance> {
    const read = (account: string) => this.options.secrets.get(account);
    const copy: PlatformInstance = { ...instance };
    if (!platformToken(instance)) {
      copy.token =
        (await read(secretAccounts.instanceToken(context.tenantId, instance.id))) ?? instance.token;
    }
    const signatureKey = instance.configuration?.['event.notification.signature.key'];
    if (signatureKey === MASKED_SECRET) {
      const stored = await read(secretAccounts.signatureKey(context.tenantId, instance.id));
      if (stored)
        copy.configuration = { ...instance.configuration, 'event.notification.signature.key': stored };
    }
    return copy;
  }
}
