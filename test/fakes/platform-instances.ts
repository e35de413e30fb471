// Element instances of the fake platform: create, list, get, patch, put (re-authenticate), delete,
// ping and seeding. Owns instance state, including the real values behind masked configuration.
import { randomBytes } from 'node:crypto';
import {
  MASK,
  findElement,
  maskConfiguration,
  normaliseConfiguration,
  secretPart,
  type ElementSpec,
} from './platform-catalog.js';
import type { GrantBook } from './platform-grants.js';
import { PlatformError, asRecord, invalidToken } from './platform-http.js';
import type { ConfigurationValues, FakeInstance, SeedOptions } from './platform-types.js';

const FIRST_ID = 400_001;
const ORGANIZATION_ID = 1190;
const ACCOUNT_ID = 43739;
const USER_ID = 53822;

export class InstanceBook {
  readonly instances = new Map<number, FakeInstance>();
  /** Real values of masked keys, by instance id: never returned, used for re-authentication. */
  private readonly secrets = new Map<number, ConfigurationValues>();
  private nextId = FIRST_ID;

  constructor(
    private readonly grants: GrantBook,
    private readonly now: () => number,
  ) {}

  /** `POST /instances`. */
  create(body: Record<string, unknown>): FakeInstance {
    const elementKey = asRecord(body.element)?.key;
    if (typeof elementKey !== 'string' || elementKey === '') {
      throw new PlatformError(400, "Missing required field 'element.key'");
    }
    const name = requiredName(body);
    const providerData = requiredProviderData(body);
    const element = findElement(elementKey);
    if (element === undefined) throw new PlatformError(404, `No element found with key '${elementKey}'`);
    this.assertNameFree(element.key, name);
    const configuration = { ...element.defaults, ...normaliseConfiguration(body.configuration) };
    this.grants.redeem(providerData.code, element.key, configuration);
    const instance = this.build(element, name, tagsOf(body.tags) ?? [], configuration, providerData);
    this.store(instance, configuration);
    return instance;
  }

  list(): FakeInstance[] {
    return [...this.instances.values()];
  }

  get(id: string): FakeInstance {
    const instance = this.instances.get(Number(id));
    if (!/^\d+$/.test(id) || instance === undefined) {
      throw new PlatformError(404, `No element instance found with id ${id}`);
    }
    return instance;
  }

  /** `PATCH /instances/{id}`: merges name, tags and configuration. */
  patch(id: string, body: Record<string, unknown>): FakeInstance {
    const instance = this.get(id);
    const name = optionalName(body) ?? instance.name;
    this.assertNameFree(instance.element.key, name, instance.id);
    const configuration = { ...this.effective(instance), ...this.resolveMasks(instance, body.configuration) };
    instance.name = name;
    instance.tags = tagsOf(body.tags) ?? instance.tags;
    this.store(instance, configuration);
    return instance;
  }

  /**
   * `PUT /instances/{id}`: replaces configuration (when sent), name and tags (when sent).
   * With `reAuthenticate`, redeems `providerData.code` like a create and issues a new token.
   */
  put(id: string, body: Record<string, unknown>, reAuthenticate: boolean): FakeInstance {
    const instance = this.get(id);
    const element = elementOf(instance);
    const name = optionalName(body) ?? instance.name;
    this.assertNameFree(element.key, name, instance.id);
    const configuration =
      body.configuration === undefined
        ? this.effective(instance)
        : { ...element.defaults, ...this.resolveMasks(instance, body.configuration) };
    if (reAuthenticate) {
      const providerData = requiredProviderData(body);
      this.grants.redeem(providerData.code, element.key, configuration);
      Object.assign(configuration, freshUserTokens(this.now()));
      instance.token = randomBytes(32).toString('base64');
      instance.providerData = providerData;
      instance.valid = true;
    } else {
      Object.assign(configuration, userTokens(instance.configuration));
    }
    instance.name = name;
    instance.tags = tagsOf(body.tags) ?? instance.tags;
    this.store(instance, configuration);
    return instance;
  }

  remove(id: string): Record<string, never> {
    const instance = this.get(id);
    this.instances.delete(instance.id);
    this.secrets.delete(instance.id);
    return {};
  }

  /** The instance whose token this is, if any. */
  ownerOf(token: string): FakeInstance | undefined {
    return [...this.instances.values()].find((candidate) => candidate.token === token);
  }

  /** `GET /hubs/{hub}/ping` for the instance owning `token`. */
  ping(token: string): { dateTime: string; endpoint: string } {
    const instance = this.ownerOf(token);
    if (instance === undefined || instance.disabled) throw invalidToken();
    return { dateTime: new Date(this.now()).toISOString(), endpoint: instance.element.key };
  }

  seed(n: number, opts: SeedOptions = {}): FakeInstance[] {
    const element = findElement(opts.element ?? 'zohocrmv2');
    if (element === undefined) throw new Error(`seedInstances: unknown element '${opts.element ?? ''}'`);
    const prefix = opts.namePrefix ?? 'seeded';
    const seeded: FakeInstance[] = [];
    for (let i = 0; i < n; i += 1) {
      const configuration: ConfigurationValues = {
        ...element.defaults,
        'oauth.api.key': 'seeded-client-id',
        'oauth.api.secret': 'seeded-client-secret',
        'oauth.callback.url': 'http://127.0.0.1/seeded/callback',
      };
      const instance = this.build(element, `${prefix}-${this.nextId}`, opts.tags ?? [], configuration, {
        code: 'seeded',
      });
      instance.disabled = opts.disabled ?? false;
      this.store(instance, configuration);
      seeded.push(instance);
    }
    return seeded;
  }

  private build(
    element: ElementSpec,
    name: string,
    tags: string[],
    configuration: ConfigurationValues,
    providerData: Record<string, unknown>,
  ): FakeInstance {
    const now = this.now();
    Object.assign(configuration, freshUserTokens(now));
    return {
      id: this.nextId++,
      name,
      createdDate: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      token: randomBytes(32).toString('base64'),
      elementId: element.id,
      element: { key: element.key },
      tags,
      provisionInteractions: [],
      valid: true,
      disabled: false,
      maxCacheSize: 0,
      cacheTimeToLive: 0,
      providerData,
      configuration: {},
      authenticationType: 'oauth2',
      eventsEnabled: false,
      externalAuthentication: 'none',
      organizationId: ORGANIZATION_ID,
      accountId: ACCOUNT_ID,
      cachingEnabled: false,
      traceLoggingEnabled: false,
      userId: USER_ID,
      user: { id: USER_ID },
    };
  }

  private store(instance: FakeInstance, configuration: ConfigurationValues): void {
    instance.configuration = maskConfiguration(configuration);
    instance.eventsEnabled = configuration['event.notification.enabled'] === 'true';
    this.secrets.set(instance.id, secretPart(configuration));
    this.instances.set(instance.id, instance);
  }

  private effective(instance: FakeInstance): ConfigurationValues {
    return { ...instance.configuration, ...this.secrets.get(instance.id) };
  }

  /** Sent configuration, where a masked value ("********") stands for the stored real one. */
  private resolveMasks(instance: FakeInstance, raw: unknown): ConfigurationValues {
    const sent = normaliseConfiguration(raw);
    const stored = this.secrets.get(instance.id) ?? {};
    for (const [key, value] of Object.entries(sent)) {
      const real = stored[key];
      if (value === MASK && real !== undefined) sent[key] = real;
    }
    return sent;
  }

  private assertNameFree(elementKey: string, name: string, exceptId?: number): void {
    for (const instance of this.instances.values()) {
      if (instance.id !== exceptId && instance.element.key === elementKey && instance.name === name) {
        throw new PlatformError(
          409,
          `An instance named '${name}' already exists for element '${elementKey}'`,
        );
      }
    }
  }
}

function elementOf(instance: FakeInstance): ElementSpec {
  const element = findElement(instance.element.key);
  if (element === undefined) throw new PlatformError(500, `Unknown element '${instance.element.key}'`);
  return element;
}

function requiredName(body: Record<string, unknown>): string {
  const name = optionalName(body);
  if (name === undefined) throw new PlatformError(400, "Missing required field 'name'");
  return name;
}

function optionalName(body: Record<string, unknown>): string | undefined {
  if (body.name === undefined) return undefined;
  if (typeof body.name !== 'string' || body.name.trim() === '') {
    throw new PlatformError(400, "Field 'name' must be a non-empty string");
  }
  return body.name;
}

function requiredProviderData(body: Record<string, unknown>): Record<string, unknown> & { code: string } {
  const providerData = asRecord(body.providerData);
  const code = providerData?.code;
  if (providerData === undefined || typeof code !== 'string' || code === '') {
    throw new PlatformError(400, "Missing required field 'providerData.code'");
  }
  return { ...providerData, code };
}

function tagsOf(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || !raw.every((tag): tag is string => typeof tag === 'string')) {
    throw new PlatformError(400, "Field 'tags' must be an array of strings");
  }
  return [...raw];
}

function freshUserTokens(now: number): ConfigurationValues {
  return {
    'oauth.user.token': `1000.${randomBytes(16).toString('hex')}`,
    'oauth.user.refresh_token': `1000.${randomBytes(16).toString('hex')}`,
    'oauth.user.refresh_time': String(now),
  };
}

function userTokens(configuration: ConfigurationValues): ConfigurationValues {
  return {
    'oauth.user.token': configuration['oauth.user.token'] ?? null,
    'oauth.user.refresh_token': configuration['oauth.user.refresh_token'] ?? null,
    'oauth.user.refresh_time': configuration['oauth.user.refresh_time'] ?? null,
  };
}
