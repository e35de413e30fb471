import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFailure } from '../../../../../main/services/errors';
import { directTransport } from '../../../../../main/services/net/http-transport';
import { silentLogger } from '../../../../../main/services/ports';
import {
  NetworkSettingsService,
  SETTINGS_FILE,
  type EffectiveNetwork,
  type NetworkSettingsInput,
} from '../../../../../main/services/settings/network-settings';
import { secretAccounts } from '../../../../../main/services/tenants/secret-accounts';
import { MemorySecretStore } from '../../../../fakes/memory-secret-store';
import { makeTestCertificates } from '../../../../fakes/test-ca';

let dataDir: string;
let secrets: MemorySecretStore;
let applied: EffectiveNetwork[];
let service: NetworkSettingsService;

const input = (patch: Partial<NetworkSettingsInput>): NetworkSettingsInput => ({
  proxyMode: 'system',
  proxyUrl: '',
  proxyUsername: '',
  extraCaFile: '',
  ...patch,
});

async function failureOf(pending: Promise<unknown>): Promise<string> {
  try {
    await pending;
  } catch (error) {
    if (isFailure(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a failure');
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-settings-'));
  secrets = new MemorySecretStore();
  applied = [];
  service = new NetworkSettingsService({
    dataDir,
    secretStore: secrets,
    log: silentLogger,
    transport: directTransport,
    target: { apply: async (network) => void applied.push(network) },
    activePlatformUrl: async () => 'http://127.0.0.1:9/elements/api-v2',
  });
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('NetworkSettingsService', () => {
  it('follows the system until told otherwise', async () => {
    expect(await service.get()).toEqual({
      proxyMode: 'system',
      proxyUrl: '',
      proxyUsername: '',
      hasProxyPassword: false,
      extraCaFile: '',
    });
  });

  it('keeps a manual proxy in the file and its password in the keychain only, and applies both', async () => {
    const saved = await service.save(
      input({
        proxyMode: 'manual',
        proxyUrl: 'proxy.acme:8080',
        proxyUsername: 'ann',
        proxyPassword: 'pw-123456',
      }),
    );
    expect(saved).toEqual(
      expect.objectContaining({ proxyUrl: 'http://proxy.acme:8080', hasProxyPassword: true }),
    );
    const file = await readFile(path.join(dataDir, SETTINGS_FILE), 'utf8');
    expect(file).not.toContain('pw-123456');
    expect(await secrets.get(secretAccounts.proxyPassword)).toBe('pw-123456');
    expect(applied.at(-1)).toEqual(
      expect.objectContaining({
        proxyMode: 'manual',
        credentials: { username: 'ann', password: 'pw-123456' },
      }),
    );
    expect(applied.at(-1)?.proxy?.href).toBe('http://proxy.acme:8080/');
    // A later save without a password keeps it; leaving manual drops it.
    await service.save(
      input({ proxyMode: 'manual', proxyUrl: 'http://proxy.acme:8080', proxyUsername: 'ann' }),
    );
    expect(await secrets.get(secretAccounts.proxyPassword)).toBe('pw-123456');
    await service.save(input({ proxyMode: 'none' }));
    expect(await secrets.get(secretAccounts.proxyPassword)).toBeNull();
    expect(applied.at(-1)).toEqual(
      expect.objectContaining({ proxyMode: 'none', proxy: null, credentials: null }),
    );
  });

  it('refuses a proxy URL with a login, a path or no host, and changes nothing', async () => {
    expect(
      await failureOf(service.save(input({ proxyMode: 'manual', proxyUrl: 'http://ann:pw@proxy:1' }))),
    ).toBe(
      'invalid_input: Leave the user name and password out of the proxy URL: enter them in their own fields.',
    );
    expect(
      await failureOf(service.save(input({ proxyMode: 'manual', proxyUrl: 'http://proxy:1/pac' }))),
    ).toBe('invalid_input: The proxy URL is only http://host:port, with no path.');
    expect(await failureOf(service.save(input({ proxyMode: 'manual', proxyUrl: '' })))).toBe(
      'invalid_input: Enter the proxy URL.',
    );
    expect(applied).toEqual([]);
    expect((await service.get()).proxyMode).toBe('system');
  });

  it('takes an extra CA file only when it holds a CA certificate, and hands its PEM to the network stack', async () => {
    const missing = path.join(dataDir, 'missing.pem');
    expect(await failureOf(service.save(input({ extraCaFile: missing })))).toBe(
      `invalid_input: Could not read the certificate file ${missing} (ENOENT).`,
    );
    const notPem = path.join(dataDir, 'notes.txt');
    await writeFile(notPem, 'not a certificate');
    expect(await failureOf(service.save(input({ extraCaFile: notPem })))).toContain(
      'holds no CA certificate',
    );
    const { caFile } = makeTestCertificates(dataDir, 'platform.test');
    await service.save(input({ extraCaFile: caFile }));
    expect(applied.at(-1)?.extraCaCertificates).toEqual([(await readFile(caFile, 'utf8')).trim()]);
  });

  it('falls back to the system proxy when the file is unreadable', async () => {
    await writeFile(path.join(dataDir, SETTINGS_FILE), '{ not json');
    expect((await service.get()).proxyMode).toBe('system');
  });

  it('checks the connection to the active tenant: a closed port is an HTTP failure in plain words', async () => {
    const check = await service.checkConnection();
    expect(check.ok).toBe(false);
    expect(check.stages.map((stage) => `${stage.stage}:${stage.outcome}`)).toEqual([
      'dns:ok',
      'proxy:ok',
      'tls:skipped',
      'http:failed',
    ]);
    expect(check.stages.at(-1)?.message).toBe('Could not connect to 127.0.0.1:9 (ECONNREFUSED).');
  });
});
