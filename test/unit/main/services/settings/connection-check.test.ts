import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionCheck } from '../../../../../common/contract';
import { nodeTransport } from '../../../../../main/cli/node-transport';
import { directTransport } from '../../../../../main/services/net/http-transport';
import { checkConnection } from '../../../../../main/services/settings/connection-check';
import { startFakePlatform, type FakePlatform } from '../../../../fakes/platform-server';
import { makeTestCertificates, TEST_CA_NAME } from '../../../../fakes/test-ca';

let plain: FakePlatform;
let inspected: FakePlatform;
let loginPageProxy: Server;
let dir: string;

const outcomes = (check: ConnectionCheck) => check.stages.map((stage) => `${stage.stage}:${stage.outcome}`);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'element-auth-check-'));
  const certs = makeTestCertificates(dir, 'platform.test');
  plain = await startFakePlatform();
  inspected = await startFakePlatform({ tls: { key: certs.key, cert: certs.cert } });
  // A proxy that answers every CONNECT with its login page.
  loginPageProxy = createServer().on('connect', (_req, socket) =>
    socket.end('HTTP/1.1 302 Found\r\nLocation: https://login.proxy.example/\r\n\r\n'),
  );
  await new Promise<void>((resolve) => loginPageProxy.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await plain.close();
  await inspected.close();
  loginPageProxy.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkConnection', () => {
  it('reports every stage of a working platform, without sending a secret', async () => {
    const check = await checkConnection(plain.baseUrl, { transport: directTransport });
    expect(check.ok).toBe(true);
    expect(outcomes(check)).toEqual(['dns:ok', 'proxy:ok', 'tls:skipped', 'http:ok']);
    expect(check.stages[3]?.message).toContain('answered (HTTP 401');
    expect(plain.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('names the issuer of a certificate this computer does not trust and what to do', async () => {
    const check = await checkConnection(inspected.baseUrl, { transport: nodeTransport({ env: {} }) });
    expect(outcomes(check)).toEqual(['dns:ok', 'proxy:ok', 'tls:failed', 'http:skipped']);
    expect(check.stages[2]?.message).toContain(`was issued by “${TEST_CA_NAME}”`);
    expect(check.stages[2]?.message).toContain('If your company inspects TLS, add its root certificate');
  });

  it('says when the proxy does not open the tunnel, and that DNS is its job', async () => {
    const port = (loginPageProxy.address() as AddressInfo).port;
    const transport = nodeTransport({ env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } });
    const check = await checkConnection('https://api.cloud-elements.com/elements/api-v2', { transport });
    expect(outcomes(check)).toEqual(['dns:skipped', 'proxy:failed', 'tls:skipped', 'http:skipped']);
    expect(check.stages[1]?.message).toContain(
      'did not open the connection to api.cloud-elements.com (HTTP 302)',
    );
  });

  it('says when the proxy itself cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const transport = nodeTransport({ env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } });
    const check = await checkConnection('https://api.cloud-elements.com/elements/api-v2', { transport });
    expect(outcomes(check)).toEqual(['dns:skipped', 'proxy:failed', 'tls:skipped', 'http:skipped']);
    expect(check.stages[1]?.message).toBe(
      `Could not reach the proxy http://127.0.0.1:${port}: check the proxy setting.`,
    );
  });

  it('stops at DNS when the name cannot be found', async () => {
    const lookup = () => Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    const check = await checkConnection('https://ce.nowhere.example/elements/api-v2', {
      transport: directTransport,
      lookup,
    });
    expect(check).toEqual({
      ok: false,
      host: 'ce.nowhere.example',
      stages: [
        {
          stage: 'dns',
          outcome: 'failed',
          message: 'Could not find ce.nowhere.example: check the platform URL and the network.',
        },
      ],
    });
  });
});
