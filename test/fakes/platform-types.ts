// Public types of the fake Cloud Elements platform used by integration tests.
// Owns what tests see: start options, the running handle, knobs, recorded requests, instances.

export interface FakePlatformOptions {
  /** Organization secret the fake accepts; default 'org-secret-fake'. */
  orgSecret?: string;
  /** User secret the fake accepts; default 'user-secret-fake'. */
  userSecret?: string;
  /** Clock in ms; default Date.now. Advance it to expire grant codes. */
  now?: () => number;
  /** How long a grant code can be redeemed; default 120_000 (Zoho's 2 minutes). */
  codeLifetimeMs?: number;
  /** Serve https with this key and certificate (still on 127.0.0.1) instead of plain http. */
  tls?: { key: string; cert: string };
  /** The host name in baseUrl (default 127.0.0.1), e.g. a *.test name test/fakes/test-dns.cjs maps to 127.0.0.1. */
  hostname?: string;
  /** A second load counter, shared with other fakes: requests in flight across all of them. */
  sharedLoad?: FakeLoad;
}

/** Knobs tests flip to simulate failures; read on every platform API request. */
export interface FakeBehaviour {
  /** Create the next instance, then destroy the socket without answering. */
  dropNextCreateResponse?: boolean;
  /** Destroy the socket of the next POST /instances without creating anything. */
  dropNextCreateRequest?: boolean;
  /** Delay every platform API answer by this many ms (until reset). */
  delayMs?: number;
  /** Answer the next platform API request with this status and message (once). */
  failNext?: { status: number; message: string };
  /**
   * Do what a platform API request asks, then send the headers and one space every this many ms, never
   * finishing the answer (until reset): a platform that trickles.
   */
  trickleEveryMs?: number;
  /** Do what the next platform API request asks, then answer 200 with what this makes of the answer (once). */
  garbleNext?: (answer: unknown) => unknown;
  /** What the hub ping answers for an instance, by instance id (see PingPlan). */
  pings?: Map<number, PingPlan>;
}

/**
 * A seeded ping answer: `delayMs` holds it back; `status` answers with that error (with a
 * Retry-After of `retryAfterSeconds` when given) `times` times (default: always), then normally.
 */
export interface PingPlan {
  delayMs?: number;
  status?: number;
  retryAfterSeconds?: number;
  times?: number;
}

/** Requests the fake is answering right now, and the most it ever answered at once. */
export interface FakeLoad {
  inFlight: number;
  maxInFlight: number;
}

export interface RecordedRequest {
  /** Date.now() when the request arrived. */
  at: number;
  method: string;
  /** Path without the API base (e.g. '/instances'); vendor paths are kept whole. */
  path: string;
  query: Record<string, string>;
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** Parsed JSON body; the raw text if it was not JSON; undefined if empty. */
  body: unknown;
}

export type ConfigurationValues = Record<string, string | null>;

export interface FakeInstance {
  id: number;
  name: string;
  createdDate: string;
  token: string;
  elementId: number;
  element: { key: string };
  tags: string[];
  provisionInteractions: unknown[];
  valid: boolean;
  disabled: boolean;
  maxCacheSize: number;
  cacheTimeToLive: number;
  providerData: Record<string, unknown>;
  /** As the platform returns it: oauth.api.key, oauth.api.secret and the basic password masked. */
  configuration: ConfigurationValues;
  authenticationType: string;
  eventsEnabled: boolean;
  externalAuthentication: string;
  organizationId: number;
  accountId: number;
  cachingEnabled: boolean;
  traceLoggingEnabled: boolean;
  userId: number;
  user: { id: number };
}

export interface SeedOptions {
  /** Element key; default 'zohocrmv2'. */
  element?: string;
  /** Names are `${namePrefix}-${id}`; default 'seeded'. */
  namePrefix?: string;
  tags?: string[];
  disabled?: boolean;
}

export interface FakePlatform {
  /** Platform API base, e.g. http://127.0.0.1:PORT/elements/api-v2 */
  baseUrl: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
  /** Live state: tests can inspect or seed it. */
  instances: Map<number, FakeInstance>;
  seedInstances(n: number, opts?: SeedOptions): FakeInstance[];
  requests: RecordedRequest[];
  behaviour: FakeBehaviour;
  /** Platform API requests in flight (counted from arrival to the answer's end). */
  load: FakeLoad;
  /** The secrets it accepts now; change them to rotate them on the platform's side. */
  secrets: { user: string; org: string };
}
