// The whole app — tenants, the three-step flow, instances — against the fake platform and the real keychain,
// with debug logging on and a debug trace of every IPC call, event, browser URL, clipboard text and platform
// request written to a log file; then the file is scanned for every secret. None may be there.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRouter, type Router } from '../../main/router/index';
import { createServices, type Services } from '../../main/services/index';
import { directTransport } from '../../main/services/net/http-transport';
import { FileSink } from '../../main/services/logging/file-sink';
import { createLogger } from '../../main/services/logging/logger';
import { REDACTED } from '../../main/services/logging/redaction-patterns';
import { RedactingSecretStore } from '../../main/services/logging/redacting-secret-store';
import { Redactor } from '../../main/services/logging/redactor';
import { systemClock, type Logger } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import type { FlowView } from '../../common/contract';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { clearKeychain } from '../support/keychain-items';

const ORG_SECRET = `org-secret-${randomBytes(9).toString('base64url')}`;
const USER_SECRET = `user-secret-${randomBytes(9).toString('base64url')}`;
const CLIENT_ID = 'zoho-client-id-visible';
const CLIENT_SECRET = `client-secret-${randomBytes(9).toString('base64url')}`;
const CALLBACK_URL = 'element-auth://oauth/callback';

let dir: string;
let platform: FakePlatform;
let keychain: KeytarSecretStore;
let services: Services;
let logText = '';
let grantCode = '';
let instanceId = 0;

/** The router with a debug trace of each call and its answer, as a verbose IPC log would write them. */
function traced(router: Router, log: Logger) {
  return async (channel: string, input?: unknown) => {
    log.debug(`ipc → ${channel}`, { input });
    const result = await router.invoke(channel, input);
    log.debug(`ipc ← ${channel}`, { result });
    return result as { ok: boolean; value?: unknown; error?: unknown };
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'element-auth-log-redaction-'));
  const logFile = join(dir, 'logs', 'main.log');
  const redactor = new Redactor();
  const log = createLogger({ sink: new FileSink(logFile), redactor, level: 'debug' });
  platform = await startFakePlatform({ orgSecret: ORG_SECRET, userSecret: USER_SECRET });
  keychain = new KeytarSecretStore(`element-auth-test-log-redaction-${randomBytes(6).toString('hex')}`);
  services = createServices({
    appInfo: { name: 'Element Authenticator', version: '0.1.0-test', platform: process.platform },
    dataDir: join(dir, 'data'),
    secretStore: new RedactingSecretStore(keychain, redactor),
    clock: systemClock,
    openUrl: async (url) => log.debug('Opening the system browser', { url }),
    events: { emit: (event, payload) => log.debug(`event ${event}`, { payload }) },
    log,
    transport: directTransport,
    platform: { timeoutMs: 5_000, getRetries: 0 },
  });
  const invoke = traced(
    createAppRouter(services, {
      clipboard: { writeText: (text) => log.debug('Clipboard written', { text }) },
      dialogs: {
        chooseSavePath: async ({ defaultName }) => join(dir, defaultName),
        chooseOpenPath: async () => null,
      },
      log,
    }),
    log,
  );

  // A tenant, with its secrets typed into the form.
  const added = await invoke('tenants.add', {
    name: 'Acme Corp',
    environment: 'custom',
    customUrl: platform.baseUrl,
    orgSecret: ORG_SECRET,
    userSecret: USER_SECRET,
  });
  expect(added.ok).toBe(true);
  expect((await invoke('tenants.verify', { id: (added.value as { id: string }).id })).value).toMatchObject({
    ok: true,
  });

  // Step 1 with a client secret typed in, step 2 played by fetch, step 3 through the element-auth:// door.
  const started = await invoke('flow.start', {
    elementKey: 'zohocrmv2',
    instanceName: 'Acme Zoho',
    apiKey: CLIENT_ID,
    apiSecret: CLIENT_SECRET,
    callbackUrl: CALLBACK_URL,
    tags: ['acme'],
  });
  const waiting = started.value as FlowView;
  if (waiting.step !== 'awaiting-consent') throw new Error(`flow did not start: ${JSON.stringify(started)}`);
  const consent = await fetch(`${waiting.authUrl}&dc=eu`, { redirect: 'manual' });
  const location = new URL(consent.headers.get('location') ?? '');
  grantCode = location.searchParams.get('code') ?? '';
  const deepLink = `${CALLBACK_URL}${location.search}`;
  log.debug('Deep link received', { url: deepLink });
  await services.flow.handleDeepLink(deepLink);
  const done = await services.flow.settled();
  if (done.step !== 'done') throw new Error(`flow did not finish: ${JSON.stringify(done)}`);
  instanceId = done.instance.id;

  // A second delivery of the same callback (a spent code), and the instance screens.
  log.debug('Deep link received again', { url: deepLink });
  await services.flow.handleDeepLink(deepLink);
  await invoke('flow.copyToken');
  await invoke('instances.list');
  await invoke('instances.get', { id: instanceId });
  expect((await invoke('instances.test', { id: instanceId })).value).toMatchObject({ ok: true });
  await invoke('instances.copyToken', { id: instanceId });
  await invoke('instances.copyCreateBody', { id: instanceId });
  await invoke('instances.export', { ids: [instanceId], includeSecrets: true });

  // What a verbose HTTP trace would have written: every request the platform received, and the instance it holds.
  for (const request of platform.requests) log.debug('platform request', { ...request });
  log.debug('platform instance', { instance: platform.instances.get(instanceId) });
  logText = readFileSync(logFile, 'utf8');
}, 60_000);

afterAll(async () => {
  await platform?.close();
  if (keychain) clearKeychain(keychain.service);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the log of a whole flow at debug level', () => {
  it('was written, with what support needs to read', () => {
    for (const expected of [
      'ipc → tenants.add',
      'event flow.changed',
      '"step":"done"',
      'Acme Zoho',
      CLIENT_ID,
    ]) {
      expect(logText).toContain(expected);
    }
    expect(logText).toContain('platform request');
    expect(logText.split(REDACTED).length).toBeGreaterThan(20);
  });

  it('holds none of the secrets', () => {
    const instance = platform.instances.get(instanceId);
    const secrets = {
      'organization secret': ORG_SECRET,
      'user secret': USER_SECRET,
      'OAuth client secret': CLIENT_SECRET,
      'grant code': grantCode,
      'instance token': instance?.token,
      'access token': instance?.configuration['oauth.user.token'],
      'refresh token': instance?.configuration['oauth.user.refresh_token'],
    };
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret, what).toMatch(/.{8,}/);
      const forms = [secret!, encodeURIComponent(secret!), JSON.stringify(secret).slice(1, -1)];
      for (const form of forms) expect(logText.includes(form), `${what} found in the log`).toBe(false);
    }
  });
});
