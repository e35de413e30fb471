// The Cloud Elements platform client (axios): OAuth URL, instances and the hub ping.
// Timeouts on every call; idempotent GETs retried with backoff; POST /instances never retried.
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { assertSafeRemoteUrl } from '../net/safe-url';
import { AppFailure } from '../errors';
import { isSecretKey } from '../logging/redaction-patterns';
import { isNoAnswer, isTooLarge, toPlatformFailure } from './platform-errors';
import { DEFAULT_HUB } from '../elements/element-hubs';

export interface PlatformCredentials {
  baseUrl: string;
  orgSecret: string;
  userSecret: string;
}

export interface PlatformClientOptions {
  timeoutMs?: number;
  /** Retries of a GET after a network error or a 5xx. */
  getRetries?: number;
  retryDelayMs?: number;
  /** The most read of one answer (64 MiB): a hostile custom platform cannot make the app read without end. */
  maxResponseBytes?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface OAuthUrlParams {
  apiKey: string;
  apiSecret: string;
  callbackUrl: string;
  state?: string;
  scope?: string;
}

/** An instance as the platform returns it: a JSON object with at least these fields. */
export interface PlatformInstance {
  id: number;
  name: string;
  token?: string;
  createdDate?: string;
  element?: { key?: string; id?: number };
  tags?: string[];
  valid?: boolean;
  disabled?: boolean;
  configuration?: Record<string, unknown>;
  providerData?: Record<string, unknown>;
  [key: string]: unknown;
}

export type InstanceBody = Record<string, unknown>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The values a request body carries under secret-named keys (client secret, grant code, signature key…). */
function secretsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key && isSecretKey(key) ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, item]) => secretsOf(item, name));
}

export class PlatformClient {
  private readonly http: AxiosInstance;
  private readonly host: string;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(
    private readonly credentials: PlatformCredentials,
    private readonly options: PlatformClientOptions = {},
  ) {
    const base = assertSafeRemoteUrl(credentials.baseUrl, "The tenant's platform URL");
    this.host = base.host;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
    this.http = axios.create({
      baseURL: base.toString().replace(/\/+$/, ''),
      timeout: this.timeoutMs,
      maxRedirects: 0,
      maxContentLength: this.maxResponseBytes,
      headers: { Accept: 'application/json' },
      // Proxies from the environment would see the Authorization header: talk to the platform directly.
      proxy: false,
    });
  }

  private authorization(elementToken?: string): string {
    const base = `User ${this.credentials.userSecret}, Organization ${this.credentials.orgSecret}`;
    return elementToken ? `${base}, Element ${elementToken}` : base;
  }

  /** A platform failure that never repeats what the request carried as a secret. */
  private failure(error: unknown, carried: readonly string[]): AppFailure {
    const { orgSecret, userSecret } = this.credentials;
    return toPlatformFailure(error, {
      host: this.host,
      timeoutMs: this.timeoutMs,
      maxResponseBytes: this.maxResponseBytes,
      secrets: [orgSecret, userSecret, ...carried],
    });
  }

  private async send<T>(config: AxiosRequestConfig, carried: readonly string[] = []): Promise<T> {
    const isGet = (config.method ?? 'get').toLowerCase() === 'get';
    const retries = isGet ? (this.options.getRetries ?? 2) : 0;
    const sleep = this.options.sleep ?? defaultSleep;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await this.http.request<T>(config);
        return response.data;
      } catch (error) {
        const status = axios.isAxiosError(error) ? error.response?.status : undefined;
        const retryable =
          axios.isAxiosError(error) && (status === undefined || status >= 500) && !isTooLarge(error);
        if (!retryable || attempt >= retries) throw this.failure(error, carried);
        await sleep((this.options.retryDelayMs ?? 300) * 2 ** attempt);
      }
    }
  }

  /** Step 1: the vendor's authorization URL. Needs no platform secrets. */
  getOAuthUrl(elementKey: string, params: OAuthUrlParams): Promise<{ oauthUrl: string; element?: string }> {
    const query: Record<string, string> = {
      apiKey: params.apiKey,
      apiSecret: params.apiSecret,
      callbackUrl: params.callbackUrl,
    };
    if (params.state) query.state = params.state;
    if (params.scope) query.scope = params.scope;
    return this.send(
      { method: 'get', url: `/elements/${encodeURIComponent(elementKey)}/oauth/url`, params: query },
      [params.apiSecret],
    );
  }

  /** Step 3. Sent exactly once: a lost answer is the caller's to recover from, never a blind resend. */
  async createInstance(body: InstanceBody): Promise<PlatformInstance> {
    try {
      const response = await this.http.post<PlatformInstance>('/instances', body, {
        headers: { Authorization: this.authorization(), 'Content-Type': 'application/json' },
      });
      return response.data;
    } catch (error) {
      if (isNoAnswer(error)) {
        throw new AppFailure(
          'response_lost',
          'The platform did not answer after the instance was sent, so it may or may not have been created.',
        );
      }
      throw this.failure(error, secretsOf(body));
    }
  }

  listInstances(): Promise<PlatformInstance[]> {
    return this.send({ method: 'get', url: '/instances', headers: { Authorization: this.authorization() } });
  }

  getInstance(id: number): Promise<PlatformInstance> {
    return this.send({
      method: 'get',
      url: `/instances/${id}`,
      headers: { Authorization: this.authorization() },
    });
  }

  /** PUT /instances/{id}; with reAuthenticate the body carries a fresh providerData.code. */
  updateInstance(
    id: number,
    body: InstanceBody,
    options: { reAuthenticate?: boolean } = {},
  ): Promise<PlatformInstance> {
    return this.send(
      {
        method: 'put',
        url: `/instances/${id}`,
        params: options.reAuthenticate ? { reAuthenticate: 'true' } : undefined,
        data: body,
        headers: { Authorization: this.authorization(), 'Content-Type': 'application/json' },
      },
      secretsOf(body),
    );
  }

  async deleteInstance(id: number): Promise<void> {
    await this.send({
      method: 'delete',
      url: `/instances/${id}`,
      headers: { Authorization: this.authorization() },
    });
  }

  /** The hub heartbeat with an instance token: GET /hubs/{hub}/ping. */
  ping(elementToken: string, hub = DEFAULT_HUB): Promise<{ dateTime?: string; endpoint?: string }> {
    return this.send(
      {
        method: 'get',
        url: `/hubs/${encodeURIComponent(hub)}/ping`,
        headers: { Authorization: this.authorization(elementToken) },
      },
      [elementToken],
    );
  }
}
