// The built element-auth CLI, authenticate: the loopback door and the paste door against the fake
// platform, Zoho's data center, and every way it must fail with one line, exit 1 and nothing created.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainAccounts } from '../support/keychain-items';
import { refusedTenantMessage } from '../../main/services/auth-flow/tenant-check';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import {
  addTenant,
  API_KEY,
  API_SECRET,
  AUTH_URL_LINE,
  buildCliOnce,
  consent,
  createWorld,
  freePort,
  readTree,
  type CliWorld,
  type RunningCli,
} from './cli-helpers';

let world: CliWorld;
let clockOffset = 0;
let acme: { id: string };
const PASTE_CALLBACK = 'https://consultant.example.com/oauth/callback';

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('authenticate', () => Date.now() + clockOffset);
  acme = await addTenant(world, 'Acme');
  await addTenant(world, 'Wrong Secrets', {
    org: 'ORG-not-the-right-one-1234',
    user: 'USR-not-the-right-one-5678',
  });
}, 120_000);

afterAll(async () => {
  await world.close();
});

function authenticate(name: string, callbackUrl: string, extra: string[] = []): RunningCli {
  const args = ['authenticate', '--element', 'zohocrmv2', '--name', name, '--api-key', API_KEY];
  return world.start([...args, '--callback-url', callbackUrl, '--no-browser', ...extra], {
    ELEMENT_AUTH_API_SECRET: API_SECRET,
  });
}

async function authUrlOf(running: RunningCli): Promise<string> {
  return (await running.waitForStderr(AUTH_URL_LINE))[1] ?? '';
}

const loopbackCallback = async () => `http://127.0.0.1:${await freePort()}/oauth/callback`;
const instancesNamed = (name: string) =>
  [...world.platform.instances.values()].filter((i) => i.name === name);
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('element-auth authenticate', () => {
  it('loopback door: catches the redirect itself, answers the browser, prints the instance', async () => {
    const callbackUrl = await loopbackCallback();
    const running = authenticate('Acme Loopback', callbackUrl, ['--tag', 'acme', '--tag', 'crm']);
    const authUrl = await authUrlOf(running);
    expect(new URL(authUrl).searchParams.get('redirect_uri')).toBe(callbackUrl);
    if (process.platform === 'linux') {
      expect(await readFile(`/proc/${running.child.pid}/cmdline`, 'utf8')).not.toContain(API_SECRET);
    }

    const page = await fetch(await consent(authUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    const result = await running.done;
    expect(result.code, result.stderr).toBe(0);

    const [created] = instancesNamed('Acme Loopback');
    expect(created?.tags).toEqual(['acme', 'crm', expect.stringMatching(/^element-auth-request:/)]);
    expect(result.stdout).toMatch(new RegExp(`^Id:\\s+${created?.id}$`, 'm'));
    expect(result.stdout).toMatch(/^Element:\s+zohocrmv2$/m);
    expect(result.stdout).toMatch(/^Data center:\s+us$/m);
    // Compared as text: a random base64 token may end in '+' or '/', which a RegExp would misread.
    const tokenLine = result.stdout.split('\n').find((line) => line.startsWith('Token:'));
    expect(tokenLine?.replace(/^Token:\s+/, '')).toBe(`••••${created?.token.slice(-4)}`);
    expect(result.stdout).not.toContain(created?.token);
    expect(await world.store.get(secretAccounts.instanceToken(acme.id, created?.id ?? 0))).toBe(
      created?.token,
    );
  });

  it('paste door: reads the redirected URL on stdin; Zoho EU gets its own accounts server; --json', async () => {
    const running = authenticate('Acme EU', PASTE_CALLBACK, ['--json']);
    running.child.stdin.write(`${await consent(await authUrlOf(running), '&dc=eu')}\n`);
    const result = await running.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('(Zoho data center: eu)');

    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    const [created] = instancesNamed('Acme EU');
    expect(printed).toEqual({
      id: created?.id,
      name: 'Acme EU',
      elementKey: 'zohocrmv2',
      createdDate: created?.createdDate,
      tokenHint: `••••${created?.token.slice(-4)}`,
      dataCenter: 'eu',
      tenantId: acme.id,
      tenantName: 'Acme',
    });
    const post = world.platform.requests.findLast(
      (request) => request.method === 'POST' && request.path === '/instances',
    );
    expect(post?.body).toMatchObject({
      configuration: {
        'oauth.callback.url': PASTE_CALLBACK,
        'oauth.base.url': 'https://accounts.zoho.eu',
        'api.base.url': 'https://www.zohoapis.eu',
      },
      providerData: { location: 'eu', 'accounts-server': 'https://accounts.zoho.eu' },
    });
  });

  it('denied consent: one line, exit 1, nothing created', async () => {
    const running = authenticate('Acme Denied', await loopbackCallback());
    const page = await fetch(await consent(await authUrlOf(running), '&deny=1'));
    expect(page.status).toBe(200);
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lastLine(result.stderr)).toMatch(
      /^element-auth: The sign-in was declined at the vendor \(access_denied/,
    );
    expect(instancesNamed('Acme Denied')).toEqual([]);
  });

  it('state mismatch in the pasted URL: refused, exit 1, no POST', async () => {
    const posts = world.platform.requests.filter((request) => request.method === 'POST').length;
    const running = authenticate('Acme Forged', PASTE_CALLBACK);
    const forged = new URL(await consent(await authUrlOf(running)));
    forged.searchParams.set('state', 'someone-elses-state');
    running.child.stdin.write(`${forged.toString()}\n`);
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe(
      'element-auth: That redirected URL belongs to another sign-in (its state does not match), so nothing was created.',
    );
    expect(world.platform.requests.filter((request) => request.method === 'POST').length).toBe(posts);
  });

  it('expired grant code (the fake platform 3 minutes later): code_expired sentence, exit 1', async () => {
    const running = authenticate('Acme Late', PASTE_CALLBACK);
    const redirect = await consent(await authUrlOf(running));
    clockOffset = 3 * 60_000;
    running.child.stdin.write(`${redirect}\n`);
    const result = await running.done;
    clockOffset = 0;
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toMatch(
      /^element-auth: The grant code expired before the platform could exchange it/,
    );
    expect(instancesNamed('Acme Late')).toEqual([]);
  });

  it('a tenant whose secrets the platform refuses: checked before step 1, exit 1, no consent asked', async () => {
    const asked = () => world.platform.requests.filter((request) => request.path.includes('/oauth/url'));
    const before = asked().length;
    for (let run = 0; run < 2; run += 1) {
      const result = await authenticate('Wrong One', await loopbackCallback(), ['--tenant', 'wrong secrets'])
        .done;
      expect(result.code).toBe(1);
      expect(lastLine(result.stderr)).toBe(`element-auth: ${refusedTenantMessage('Wrong Secrets')}`);
      expect(result.stderr).not.toMatch(AUTH_URL_LINE);
    }
    expect(asked().length).toBe(before);
    expect(instancesNamed('Wrong One')).toEqual([]);
  });

  it('no redirected URL on stdin: nothing created, exit 1', async () => {
    const silent = authenticate('Nobody Pasted', PASTE_CALLBACK);
    await authUrlOf(silent);
    silent.child.stdin.end();
    const ended = await silent.done;
    expect(ended.code).toBe(1);
    expect(lastLine(ended.stderr)).toBe(
      'element-auth: No redirected URL came on stdin, so nothing was created.',
    );
  });

  it('a lost answer to the POST: names the instance the platform shows, keeps no token, exit 1', async () => {
    world.platform.behaviour.dropNextCreateResponse = true;
    const running = authenticate('Acme Lost', await loopbackCallback());
    await fetch(await consent(await authUrlOf(running)));
    const result = await running.done;
    const [shown] = instancesNamed('Acme Lost');
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toBe(
      `element-auth: The platform did not answer the creation request, but shows instance ${shown?.id} “Acme Lost” ` +
        `made by this very request; its token was not kept. Check it with element-auth instances test ${shown?.id}, or delete it.`,
    );
    expect(await world.store.get(secretAccounts.instanceToken(acme.id, shown?.id ?? 0))).toBeNull();
  });

  it('a POST answer of the wrong shape: one sentence with the request id, exit 1, no token stored', async () => {
    const before = keychainAccounts(world.store.service);
    const running = authenticate('Acme Garbled', await loopbackCallback());
    const authUrl = await authUrlOf(running);
    world.platform.behaviour.garbleNext = (answer) => ({ ...(answer as object), id: '../../x' });
    await fetch(await consent(authUrl));
    const result = await running.done;
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toMatch(
      /^element-auth: The platform at 127\.0\.0\.1:\d+ sent the created instance with its token in a shape the app does not understand \(the field "id" is missing or not what the platform API defines\), so it was not used \(request [0-9a-f-]{36}\)\. The instance may exist all the same: look in the instances list\.$/,
    );
    expect(result.stderr).not.toMatch(/ZodError|\n\s+at /);
    expect(keychainAccounts(world.store.service).sort()).toEqual(before.sort());
  });

  it('refuses a plain-http remote callback (exit 1), element-auth:// and a missing client secret (exit 2)', async () => {
    const base = ['authenticate', '--element', 'zohocrmv2', '--name', 'X', '--api-key', API_KEY];
    const http = await world.run([...base, '--callback-url', 'http://consultant.example.com/cb'], {
      env: { ELEMENT_AUTH_API_SECRET: API_SECRET },
    });
    expect(http.code).toBe(1);
    expect(http.stderr).toMatch(
      /^element-auth: Plain http is only for this computer \(127\.0\.0\.1, localhost or \[::1\]\)/,
    );

    const protocol = await world.run([...base, '--callback-url', 'element-auth://oauth/callback'], {
      env: { ELEMENT_AUTH_API_SECRET: API_SECRET },
    });
    expect(protocol.code).toBe(2);
    const noSecret = await world.run([...base, '--callback-url', PASTE_CALLBACK]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/The OAuth client secret is needed: set ELEMENT_AUTH_API_SECRET/);
    const flagged = await world.run([...base, '--callback-url', PASTE_CALLBACK, '--api-secret', 'x']);
    expect(flagged.code).toBe(2);
    expect((await world.run(['authenticate', '--help'])).code).toBe(0);
  });

  it('leaves no secret or token on stdout, in the data folder or in argv', async () => {
    const secrets = [API_SECRET, ...[...world.platform.instances.values()].map((instance) => instance.token)];
    for (const out of world.stdoutLog) for (const secret of secrets) expect(out).not.toContain(secret);
    for (const [file, text] of await readTree(world.home)) {
      for (const secret of secrets) expect(text, file).not.toContain(secret);
    }
    expect(world.argvLog.flat()).not.toContain(API_SECRET);
  });
});
