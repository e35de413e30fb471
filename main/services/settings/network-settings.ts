// The network settings: proxy (system, none, or a manual URL whose password lives in the keychain)
// and an extra CA file, kept in settings.json in the data folder and applied to the app's network stack.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  ConnectionCheck,
  NetworkSettings,
  NetworkSettingsSaveSchema,
  ProxyMode,
} from '../../../common/contract';
import type { z } from '../../../common/zod';
import { parseProxyUrl, proxyUrlProblem } from '../../../common/urls';
import { AppFailure } from '../errors';
import type { Logger, SecretStore } from '../ports';
import { writeFileAtomic } from '../storage/atomic-file';
import { withFolderLock } from '../storage/folder-lock';
import { secretAccounts } from '../tenants/secret-accounts';
import type { HttpTransport } from '../net/http-transport';
import { readCaFile } from './ca-file';
import { checkConnection } from './connection-check';

export type NetworkSettingsInput = z.output<typeof NetworkSettingsSaveSchema>;

export const SETTINGS_FILE = 'settings.json';

/** What the network stack needs: the proxy with its credentials and the extra roots' PEM text. */
export interface EffectiveNetwork {
  proxyMode: ProxyMode;
  /** The manual proxy without credentials; null unless proxyMode is 'manual'. */
  proxy: URL | null;
  credentials: { username: string; password: string } | null;
  extraCaCertificates: string[];
}

/** Where the settings take effect: Electron's session in the app; nothing in the CLI (it follows the environment). */
export interface NetworkTarget {
  apply(network: EffectiveNetwork): Promise<void>;
}

interface StoredSettings {
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyUsername: string;
  extraCaFile: string;
}

const DEFAULTS: StoredSettings = { proxyMode: 'system', proxyUrl: '', proxyUsername: '', extraCaFile: '' };

const MODES: readonly string[] = ['system', 'none', 'manual'] satisfies ProxyMode[];

function parseStored(text: string): StoredSettings {
  const raw = JSON.parse(text) as Partial<Record<keyof StoredSettings, unknown>>;
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    proxyMode: MODES.includes(textOf(raw.proxyMode)) ? (raw.proxyMode as ProxyMode) : 'system',
    proxyUrl: textOf(raw.proxyUrl),
    proxyUsername: textOf(raw.proxyUsername),
    extraCaFile: textOf(raw.extraCaFile),
  };
}

/** The manual proxy URL, or the sentence (common/urls.ts) that says what is wrong with it. */
export function manualProxyUrl(value: string): URL {
  const problem = proxyUrlProblem(value);
  const url = parseProxyUrl(value);
  if (problem || !url)
    throw new AppFailure('invalid_input', problem ?? 'Enter the proxy as http://host:port.');
  return url;
}

export interface NetworkSettingsOptions {
  dataDir: string;
  secretStore: SecretStore;
  log: Logger;
  target?: NetworkTarget;
  /** The transport every platform call uses: "Check connection" goes the same way. */
  transport: HttpTransport;
  /** The active tenant's platform URL (no_active_tenant when there is none). */
  activePlatformUrl: () => Promise<string>;
}

export class NetworkSettingsService {
  private readonly file: string;

  constructor(private readonly options: NetworkSettingsOptions) {
    this.file = path.join(options.dataDir, SETTINGS_FILE);
  }

  private async read(): Promise<StoredSettings> {
    try {
      return parseStored(await readFile(this.file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.log.warn(`${SETTINGS_FILE} could not be read; the default network settings apply.`);
      return { ...DEFAULTS };
    }
  }

  private async view(stored: StoredSettings): Promise<NetworkSettings> {
    const password = await this.options.secretStore.get(secretAccounts.proxyPassword);
    return { ...stored, hasProxyPassword: Boolean(password) };
  }

  async get(): Promise<NetworkSettings> {
    return this.view(await this.read());
  }

  /** Checks, stores (password to the keychain) and applies; nothing changes when a check fails. */
  async save(input: NetworkSettingsInput): Promise<NetworkSettings> {
    const manual = input.proxyMode === 'manual';
    const stored: StoredSettings = {
      proxyMode: input.proxyMode,
      proxyUrl: manual ? manualProxyUrl(input.proxyUrl).origin : '',
      proxyUsername: manual ? input.proxyUsername : '',
      extraCaFile: input.extraCaFile,
    };
    if (stored.extraCaFile) await readCaFile(stored.extraCaFile);
    const store = this.options.secretStore;
    if (input.clearProxyPassword || !manual) await store.delete(secretAccounts.proxyPassword);
    else if (input.proxyPassword) await store.set(secretAccounts.proxyPassword, input.proxyPassword);
    await withFolderLock(this.options.dataDir, SETTINGS_FILE, () =>
      writeFileAtomic(this.file, `${JSON.stringify(stored, null, 2)}\n`),
    ).catch((error: unknown) => {
      if (error instanceof AppFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new AppFailure('settings_unwritable', `Could not save ${this.file} (${code}).`);
    });
    await this.applySaved();
    return this.view(stored);
  }

  private storedProxy(value: string): URL | null {
    try {
      return manualProxyUrl(value);
    } catch {
      this.options.log.warn(`${SETTINGS_FILE} names a proxy that is not a URL; no proxy is used.`);
      return null;
    }
  }

  /** What the network stack should use now, from the file and the keychain. */
  async effective(): Promise<EffectiveNetwork> {
    const stored = await this.read();
    const proxy = stored.proxyMode === 'manual' ? this.storedProxy(stored.proxyUrl) : null;
    const manual = proxy !== null;
    const password = manual ? await this.options.secretStore.get(secretAccounts.proxyPassword) : null;
    const extraCaCertificates = stored.extraCaFile
      ? await readCaFile(stored.extraCaFile).catch((error: unknown) => {
          this.options.log.warn(error instanceof Error ? error.message : String(error));
          return [];
        })
      : [];
    return {
      proxyMode: stored.proxyMode,
      proxy,
      credentials:
        manual && stored.proxyUsername ? { username: stored.proxyUsername, password: password ?? '' } : null,
      extraCaCertificates,
    };
  }

  /** Calls the active tenant's platform without secrets and reports each stage. */
  async checkConnection(): Promise<ConnectionCheck> {
    return checkConnection(await this.options.activePlatformUrl(), { transport: this.options.transport });
  }

  /** Applies the saved settings to the network stack (at start and after every save). */
  async applySaved(): Promise<void> {
    if (this.options.target) await this.options.target.apply(await this.effective());
  }
}
