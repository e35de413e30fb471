// element-auth on a consultant's network, all on 127.0.0.1: an HTTPS platform signed by a CA made at
// test time (refused without it, trusted through NODE_EXTRA_CA_CERTS), a real CONNECT proxy, NO_PROXY.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, TEST_CA_NAME, type TestCertificates } from '../fakes/test-ca';
import { addTenant, buildCliOnce, createWorld, ORG_SECRET, USER_SECRET, type CliWorld } from './cli-helpers';

const HOST = 'platform.test';
const FAKES = path.resolve(__dirname, '../fakes');
const TEST_DNS_URL = pathToFileURL(path.join(FAKES, 'test-dns.mjs')).href;
const TEST_DNS = `--import ${TEST_DNS_URL}`;

interface LocalProxy {
  url: string;
  /** The CONNECT requests it saw: their target and whether they carried a proxy login. */
  connects(): { target: string; proxyAuthorization: boolean }[];
  close(): void;
}

async function startProxy(mode: 'open' | 'auth' | 'login-page'): Promise<LocalProxy> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', TEST_DNS_URL, path.join(FAKES, 'connect-proxy.mjs'), mode],
    { cwd: path.resolve(__dirname, '../..') },
  );
  let output = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`proxy exited ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    connects: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { target: string; proxyAuthorization: boolean }),
    close: () => void child.kill(),
  };
}

let world: CliWorld;
let certs: TestCertificates;
let certDir: string;
const proxies: LocalProxy[] = [];

beforeAll(async () => {
  await buildCliOnce();
  certDir = mkdtempSync(path.join(tmpdir(), 'element-auth-ca-'));
  certs = makeTestCertificates(certDir, HOST);
  world = await createWorld('network', undefined, {
    tls: { key: certs.key, cert: certs.cert },
    hostname: HOST,
  });
  await addTenant(world, 'Acme');
}, 180_000);

afterAll(async () => {
  for (const proxy of proxies) proxy.close();
  await world?.close();
  rmSync(certDir, { recursive: true, force: true });
});

const noProxyEnv = {
  HTTPS_PROXY: '',
  https_proxy: '',
  HTTP_PROXY: '',
  http_proxy: '',
  NO_PROXY: '',
  no_proxy: '',
};
const listInstances = (env: Record<string, string>) =>
  world.run(['instances', 'list', '--json', '--verbose'], {
    env: { ...noProxyEnv, NODE_OPTIONS: TEST_DNS, ...env },
  });

async function proxy(mode: 'open' | 'auth' | 'login-page'): Promise<LocalProxy> {
  const started = await startProxy(mode);
  proxies.push(started);
  return started;
}

describe('element-auth and a company certificate authority', () => {
  it('refuses a platform signed by an unknown CA, naming the issuer and what to do', async () => {
    const result = await listInstances({});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The certificate of ${HOST}`);
    expect(result.stderr).toContain(`issued by “${TEST_CA_NAME}”`);
    expect(result.stderr).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('trusts it with NODE_EXTRA_CA_CERTS', async () => {
    const result = await listInstances({ NODE_EXTRA_CA_CERTS: certs.caFile });
    expect(result.stderr).toBe(`GET ${world.platform.origin.replace('https://', '')}: no proxy (direct)\n`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expect.objectContaining({ instances: [] }));
  });
});

describe('element-auth behind a proxy', () => {
  it('goes through HTTPS_PROXY with a CONNECT tunnel: the proxy never sees the secrets', async () => {
    const local = await proxy('open');
    const result = await listInstances({ NODE_EXTRA_CA_CERTS: certs.caFile, HTTPS_PROXY: local.url });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`: proxy ${local.url}`);
    const port = new URL(world.platform.origin).port;
    expect(local.connects()).toEqual([{ target: `${HOST}:${port}`, proxyAuthorization: false }]);
    const lastCall = world.platform.requests.at(-1);
    expect(lastCall?.headers.authorization).toContain(USER_SECRET);
    expect(JSON.stringify(local.connects())).not.toContain(ORG_SECRET);
  });

  it('reads the lower-case variable too, and goes direct for a NO_PROXY suffix', async () => {
    const local = await proxy('open');
    const result = await listInstances({
      NODE_EXTRA_CA_CERTS: certs.caFile,
      https_proxy: local.url,
      no_proxy: 'example.com,.test',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no proxy (direct)');
    expect(local.connects()).toEqual([]);
  });

  it('logs in to a proxy that asks, and --verbose never shows the login', async () => {
    const local = await proxy('auth');
    const withLogin = local.url.replace('http://', 'http://consultant:proxy-pass-123@');
    const refused = await listInstances({ NODE_EXTRA_CA_CERTS: certs.caFile, HTTPS_PROXY: local.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('asks for a user name and password (HTTP 407)');
    const result = await listInstances({ NODE_EXTRA_CA_CERTS: certs.caFile, HTTPS_PROXY: withLogin });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`: proxy ${local.url}`);
    expect(result.stderr).not.toContain('proxy-pass-123');
    expect(result.stderr).not.toContain('consultant');
  });

  it('stops plainly, without a retry, when the proxy answers CONNECT with a login page', async () => {
    const local = await proxy('login-page');
    const result = await listInstances({ NODE_EXTRA_CA_CERTS: certs.caFile, HTTPS_PROXY: local.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not open the connection');
    expect(result.stderr).toContain('(HTTP 302) and sent it to http://login.proxy.test/portal');
    expect(result.stderr).not.toContain('session=abc');
    expect(local.connects()).toHaveLength(1);
  });
});
