// The Cloud Elements platform client (axios): OAuth URL, instances and the hub ping. A total deadline
// on every call; idempotent GETs retried with backoff; POST /instances never retried; answers parsed.
import { randomUUID } from '../lazy-crypto';
import type { AxiosInstance, AxiosRequestConfig, AxiosStatic } from 'axios';
import { assertSafeRemoteUrl } from '../net/safe-url';
import { directTransport, type HttpTransport } from '../net/http-transport';
import { isAxiosError, loadAxios } from '../net/lazy-axios';
import { AppFailure } from '../errors';
import { isSecretKey } from '../logging/redaction-patterns';
import { parseAnswer, type answers, type PlatformInstance } from './platform-answers';
import {
  isNoAnswer,
  isTooLarge,
  nodeStream,
  toPlatformFailure,
  waitedFor,
  withErrorBodyRead,
} from './platform-errors';
import { checkedInstances } from './instance-stream';

export type { PlatformInstance } from './platform-answers';
import { DEFAULT_HUB } from '../elements/element-hubs';

export interface PlatformCredentials {
  baseUrl: string;
  orgSecret: string;
  userSecret: string;
}

export interface PlatformClientOptions {
  /** The most one request may take, connect, headers and body together (a trickling answer included). */
  timeoutMs?: number;
  /** Retries of a GET after a network error or a 5xx. */
  getRetries?: number;
  retryDelayMs?: number;
  /** The most read of one answer (64 MiB): a hostile custom platform cannot make the app read without end. */
  maxResponseBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  /** How requests leave the machine (proxy, trust store); direct by default. */
  transport?: HttpTransport;
}

export interface OAuthUrlParams {
  apiKey: string;
  apiSecret: string;
  callbackUrl: string;
  state?: string;
  scope?: string;
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
  private http: Promise<AxiosInstance> | undefined;
  private readonly base: URL;
  private readonly host: string;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(
    private readonly credentials: PlatformCredentials,
    private readonly options: PlatformClientOptions = {},
  ) {
    this.base = assertSafeRemoteUrl(credentials.baseUrl, "The tenant's platform URL");
    this.host = this.base.host;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  }

  /** The axios instance, made on the first request. */
  private client(): Promise<AxiosInstance> {
    this.http ??= loadAxios().then((axios) => this.create(axios));
    return this.http;
  }

  private create(axios: AxiosStatic): AxiosInstance {
    const base = this.base;
    return axios.create({
      baseURL: base.toString().replace(/\/+$/, ''),
      timeout: this.timeoutMs,
      maxRedirects: 0,
      maxContentLength: this.maxResponseBytes,
      headers: { Accept: 'application/json' },
      // The transport decides the route (a proxy only ever sees a CONNECT), never axios's own env lookup.
      proxy: false,
      ...(this.options.transport ?? directTransport).configFor(base),
    });
  }

  private authorization(elementToken?: string): string {
    const base = `User ${this.credentials.userSecret}, Organization ${this.credentials.orgSecret}`;
    return elementToken ? `${base}, Element ${elementToken}` : base;
  }

  /** A platform failure that never repeats what the request carried as a secret. */
  private failure(
    error: unknown,
    carried: readonly string[],
    waited: { since: number; tries: number },
  ): AppFailure {
    const { orgSecret, userSecret } = this.credentials;
    return toPlatformFailure(error, {
      host: this.host,
      waitedMs: Date.now() - waited.since,
      tries: waited.tries,
      maxResponseBytes: this.maxResponseBytes,
      secrets: [orgSecret, userSecret, ...carried],
    });
  }

  /**
   * One request under a total deadline: axios' own timeout only notices a silent socket, so a platform
   * sending a byte every few seconds would hold the call forever. The deadline ends it as a timeout.
   * A streamed answer's deadline ends with its headers; its reader limits the pauses in the body.
   */
  private async attempt(config: AxiosRequestConfig, cancel?: AbortSignal): Promise<unknown> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
    const signal = cancel ? AbortSignal.any([deadline.signal, cancel]) : deadline.signal;
    const http = await this.client();
    const axios = await loadAxios();
    try {
      return (await http.request<unknown>({ ...config, signal })).data;
    } catch (error) {
      if (!deadline.signal.aborted || !axios.isCancel(error)) throw await withErrorBodyRead(error);
      throw new axios.AxiosError('The total deadline of the request passed', 'ETIMEDOUT');
    } finally {
      clearTimeout(timer);
    }
  }

  private async send<K extends keyof typeof answers>(
    answer: K,
    config: AxiosRequestConfig,
    carried: readonly string[] = [],
  ) {
    const { data, requestId } = await this.fetchData(config, carried);
    return parseAnswer(answer, data, { host: this.host, requestId });
  }

  /** The answer's body, GETs retried after a network error or a 5xx; every try has the same request id. */
  private async fetchData(
    config: AxiosRequestConfig,
    carried: readonly string[],
  ): Promise<{ data: unknown; requestId: string }> {
    const isGet = (config.method ?? 'get').toLowerCase() === 'get';
    const retries = isGet ? (this.options.getRetries ?? 2) : 0;
    const sleep = this.options.sleep ?? defaultSleep;
    const requestId = randomUUID();
    const since = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      let data: unknown;
      try {
        data = await this.attempt({ ...config, headers: { ...config.headers, 'X-Request-Id': requestId } });
      } catch (error) {
        const status = isAxiosError(error) ? error.response?.status : undefined;
        const retryable =
          isAxiosError(error) && (status === undefined || status >= 500) && !isTooLarge(error);
        if (!retryable || attempt >= retries)
          throw this.failure(error, carried, { since, tries: attempt + 1 });
        await sleep((this.options.retryDelayMs ?? 300) * 2 ** attempt);
        continue;
      }
      return { data, requestId };
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
      'oauthUrl',
      { method: 'get', url: `/elements/${encodeURIComponent(elementKey)}/oauth/url`, params: query },
      [params.apiSecret],
    );
  }

  /**
   * Step 3. Sent exactly once: a lost answer (none within the deadline, or the caller stopped waiting
   * through `cancel`) is the caller's to recover from, never a blind resend.
   */
  async createInstance(body: InstanceBody, cancel?: AbortSignal): Promise<PlatformInstance> {
    const requestId = randomUUID();
    const since = Date.now();
    let data: unknown;
    try {
      data = await this.attempt(
        {
          method: 'post',
          url: '/instances',
          data: body,
          headers: {
            Authorization: this.authorization(),
            'Content-Type': 'application/json',
            'X-Request-Id': requestId,
          },
        },
        cancel,
      );
    } catch (error) {
      if (cancel?.aborted) {
        throw new AppFailure(
          'response_lost',
          'You stopped waiting after the instance was sent, so it may or may not have been created.',
        );
      }
      if (isNoAnswer(error)) {
        throw new AppFailure(
          'response_lost',
          `The platform did not answer within ${waitedFor(Date.now() - since)} after the instance was sent, so it may or may not have been created.`,
        );
      }
      throw this.failure(error, secretsOf(body), { since, tries: 1 });
    }
    return parseAnswer('createdInstance', data, { host: this.host, requestId });
  }

  listInstances(): Promise<PlatformInstance[]> {
    return this.send('instances', {
      method: 'get',
      url: '/instances',
      headers: { Authorization: this.authorization() },
    });
  }

  /**
   * GET /instances read as it arrives: each instance is checked and handed on before the next is read,
   * so a list of any length takes the memory of one instance (an instance over the size limit stops it).
   */
  async streamInstances(): Promise<AsyncIterable<PlatformInstance>> {
    // No limit on the whole list (nothing of it is held); each instance has the answer limit.
    const config = {
      method: 'get',
      url: '/instances',
      responseType: 'stream',
      maxContentLength: -1,
    } as const;
    const { data, requestId } = await this.fetchData(
      { ...config, headers: { Authorization: this.authorization() } },
      [],
    );
    return checkedInstances(nodeStream(data), {
      host: this.host,
      requestId,
      maxItemBytes: this.maxResponseBytes,
      idleMs: this.timeoutMs,
    });
  }

  getInstance(id: number): Promise<PlatformInstance> {
    return this.send('instance', {
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
      'instance',
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
    await this.send('deleted', {
      method: 'delete',
      url: `/instances/${id}`,
      headers: { Authorization: this.authorization() },
    });
  }

  /** The hub heartbeat with an instance token: GET /hubs/{hub}/ping. */
  ping(elementToken: string, hub = DEFAULT_HUB): Promise<{ dateTime?: string; endpoint?: string }> {
    return this.send(
      'ping',
      {
        method: 'get',
        url: `/hubs/${encodeURIComponent(hub)}/ping`,
        headers: { Authorization: this.authorization(elementToken) },
      },
      [elementToken],
    );
  }
}
