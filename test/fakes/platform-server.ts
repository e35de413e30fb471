// The fake Cloud Elements platform: a real HTTP server on 127.0.0.1 for integration tests.
// Owns startup, routing, request recording and the failure knobs; state lives in grants/instances.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { URL } from 'node:url';
import { GrantBook, VENDOR_AUTHORIZE_PATH } from './platform-grants.js';
import {
  PlatformError,
  parseJsonBody,
  readBody,
  recordableBody,
  requireElementToken,
  requireUserOrg,
  sendJson,
  sendJsonArray,
  sendPlatformError,
  type Secrets,
} from './platform-http.js';
import { InstanceBook } from './platform-instances.js';
import type {
  FakeBehaviour,
  FakeLoad,
  FakePlatform,
  FakePlatformOptions,
  RecordedRequest,
} from './platform-types.js';

export type {
  ConfigurationValues,
  FakeBehaviour,
  FakeInstance,
  FakePlatform,
  FakePlatformOptions,
  FakeLoad,
  PingPlan,
  RecordedRequest,
  SeedOptions,
} from './platform-types.js';
export { MASK, ZOHO_ACCOUNTS_SERVERS } from './platform-catalog.js';

export const API_PREFIX = '/elements/api-v2';

/** The secrets the fake accepts unless told otherwise. */
export const FAKE_SECRETS = { orgSecret: 'org-secret-fake', userSecret: 'user-secret-fake' } as const;

interface Context {
  secrets: Secrets;
  grants: GrantBook;
  book: InstanceBook;
  behaviour: FakeBehaviour;
  requests: RecordedRequest[];
  load: FakeLoad;
  /** Its own load and the shared one, if any. */
  loads: FakeLoad[];
}

interface PlatformRequest {
  req: IncomingMessage;
  method: string;
  segments: string[];
  query: URLSearchParams;
  raw: string;
}

/** Drop the connection instead of answering (a lost response). */
const DROP = Symbol('drop');
/** Longer lists are streamed (`sendJsonArray`); shorter ones keep their content-length. */
const LONG_ARRAY = 1000;

export async function startFakePlatform(opts: FakePlatformOptions = {}): Promise<FakePlatform> {
  const server = opts.tls ? createHttpsServer(opts.tls) : createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${opts.tls ? 'https' : 'http'}://${opts.hostname ?? '127.0.0.1'}:${port}`;
  const now = opts.now ?? Date.now;
  const grants = new GrantBook(origin, now, opts.codeLifetimeMs ?? 120_000);
  const book = new InstanceBook(grants, now);
  const context: Context = {
    secrets: {
      user: opts.userSecret ?? FAKE_SECRETS.userSecret,
      org: opts.orgSecret ?? FAKE_SECRETS.orgSecret,
    },
    grants,
    book,
    behaviour: {},
    requests: [],
    load: { inFlight: 0, maxInFlight: 0 },
    loads: [],
  };
  context.loads = [context.load, ...(opts.sharedLoad ? [opts.sharedLoad] : [])];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(context, origin, req, res).catch((error: unknown) => {
      sendPlatformError(res, new PlatformError(500, `Fake platform failure: ${String(error)}`));
    });
  });
  return {
    baseUrl: `${origin}${API_PREFIX}`,
    origin,
    instances: book.instances,
    requests: context.requests,
    behaviour: context.behaviour,
    load: context.load,
    secrets: context.secrets,
    seedInstances: (n, seedOpts) => book.seed(n, seedOpts),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  context: Context,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const raw = await readBody(req);
  const method = req.method ?? 'GET';
  const isPlatform = url.pathname.startsWith(`${API_PREFIX}/`);
  const path = isPlatform ? url.pathname.slice(API_PREFIX.length) : url.pathname;
  context.requests.push({
    at: Date.now(),
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    headers: flattenHeaders(req),
    body: recordableBody(raw),
  });
  if (!isPlatform) {
    vendor(context, method, url, res);
    return;
  }
  const { behaviour } = context;
  for (const load of context.loads) {
    load.inFlight += 1;
    load.maxInFlight = Math.max(load.maxInFlight, load.inFlight);
    res.once('close', () => {
      load.inFlight -= 1;
    });
  }
  if (behaviour.delayMs !== undefined && behaviour.delayMs > 0) await sleep(behaviour.delayMs);
  if (await plannedPing(context, req, path, res)) return;
  const failure = behaviour.failNext;
  if (failure !== undefined) {
    delete behaviour.failNext;
    sendPlatformError(res, new PlatformError(failure.status, failure.message));
    return;
  }
  try {
    const segments = path.split('/').filter((segment) => segment !== '');
    const answer = route(context, { req, method, segments, query: url.searchParams, raw });
    const garble = behaviour.garbleNext;
    delete behaviour.garbleNext;
    if (answer === DROP) req.socket.destroy();
    else if (behaviour.trickleEveryMs !== undefined) trickle(res, behaviour.trickleEveryMs);
    else if (garble) sendJson(res, 200, garble(answer));
    else if (Array.isArray(answer) && answer.length > LONG_ARRAY) await sendJsonArray(res, answer);
    else sendJson(res, 200, answer);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    sendPlatformError(res, error);
  }
}

function route(context: Context, request: PlatformRequest): unknown {
  const { method, segments, query, req } = request;
  const [first, second, third, fourth] = segments;
  if (
    first === 'elements' &&
    second !== undefined &&
    third === 'oauth' &&
    fourth === 'url' &&
    segments.length === 4
  ) {
    if (method === 'GET') return context.grants.oauthUrl(second, query);
  }
  if (
    first === 'hubs' &&
    second !== undefined &&
    third === 'ping' &&
    segments.length === 3 &&
    method === 'GET'
  ) {
    return context.book.ping(requireElementToken(req.headers, context.secrets));
  }
  if (first === 'instances' && segments.length <= 2) {
    return routeInstances(context, request, second);
  }
  throw notFound(method, segments);
}

function routeInstances(context: Context, request: PlatformRequest, id: string | undefined): unknown {
  const { method, req, raw, query } = request;
  requireUserOrg(req.headers, context.secrets);
  const { book, behaviour } = context;
  if (id === undefined) {
    if (method === 'GET') return book.list();
    if (method !== 'POST') throw notFound(method, request.segments);
    if (behaviour.dropNextCreateRequest === true) {
      delete behaviour.dropNextCreateRequest;
      return DROP;
    }
    const instance = book.create(parseJsonBody(req.headers, raw));
    if (behaviour.dropNextCreateResponse !== true) return instance;
    delete behaviour.dropNextCreateResponse;
    return DROP;
  }
  switch (method) {
    case 'GET':
      return book.get(id);
    case 'PATCH':
      return book.patch(id, parseJsonBody(req.headers, raw));
    case 'PUT':
      return book.put(id, parseJsonBody(req.headers, raw), query.get('reAuthenticate') === 'true');
    case 'DELETE':
      return book.remove(id);
    default:
      throw notFound(method, request.segments);
  }
}

/** Applies the instance's PingPlan to a hub ping: true when it answered (an error) itself. */
async function plannedPing(
  context: Context,
  req: IncomingMessage,
  path: string,
  res: ServerResponse,
): Promise<boolean> {
  if (!/^\/hubs\/[^/]+\/ping$/.test(path)) return false;
  const token = /Element\s+(\S+)\s*$/.exec(req.headers.authorization ?? '')?.[1];
  const owner = token === undefined ? undefined : context.book.ownerOf(token);
  const plan = owner === undefined ? undefined : context.behaviour.pings?.get(owner.id);
  if (plan === undefined) return false;
  if (plan.delayMs !== undefined) await sleep(plan.delayMs);
  if (plan.status === undefined || plan.times === 0) return false;
  if (plan.times !== undefined) plan.times -= 1;
  const headers: Record<string, string> =
    plan.retryAfterSeconds === undefined ? {} : { 'retry-after': String(plan.retryAfterSeconds) };
  sendPlatformError(res, new PlatformError(plan.status, `Seeded ping failure ${plan.status}`), headers);
  return true;
}

function vendor(context: Context, method: string, url: URL, res: ServerResponse): void {
  if (method !== 'GET' || url.pathname !== VENDOR_AUTHORIZE_PATH) {
    sendPlatformError(res, new PlatformError(404, `No resource at ${method} ${url.pathname}`));
    return;
  }
  const outcome = context.grants.authorize(url.searchParams);
  if (outcome.kind === 'redirect') {
    res.writeHead(302, { location: outcome.location, 'content-length': 0 });
    res.end();
    return;
  }
  const html = `<!doctype html><title>Error</title><h1>${outcome.status}</h1><p>${outcome.text}</p>`;
  res.writeHead(outcome.status, {
    'content-type': 'text/html;charset=UTF-8',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

function notFound(method: string, segments: string[]): PlatformError {
  return new PlatformError(404, `No resource at ${method} ${API_PREFIX}/${segments.join('/')}`);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Headers at once, then one space (valid JSON whitespace) every `everyMs`, never the end of the answer. */
function trickle(res: ServerResponse, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
  res.write(' ');
  const timer = setInterval(() => res.write(' '), everyMs);
  timer.unref();
  res.on('close', () => clearInterval(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
