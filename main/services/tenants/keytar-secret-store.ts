// SecretStore over the OS keychain with keytar (macOS Keychain, Windows Credential Vault, Secret
// Service on Linux). Failures are told apart (missing library, locked, unavailable, refused write),
// their cause goes to the log (which redacts); never a plaintext fallback.
import { AppFailure } from '../errors';
import type { Logger, SecretStore } from '../ports';
import { keychainFailure, type KeychainFailureKind } from './keychain-failures';

type Keytar = typeof import('keytar');

export interface KeytarPorts {
  /** Loads keytar's native module; the real one unless a test stands in. */
  load?: () => Promise<Keytar>;
  log?: Pick<Logger, 'warn'>;
}

const loadKeytar = () =>
  import('keytar').then((module) => ('default' in module ? module.default : module) as Keytar);

export const DEFAULT_KEYCHAIN_SERVICE = 'element-authenticator';
/**
 * A throwaway item (no secret in it) written and deleted to learn whether the keyring is locked
 * (keytar cannot ask). One per process and call: processes probing one item at once make libsecret fail.
 */
let probes = 0;
const probeAccount = () => `element-auth:probe:${process.pid}:${(probes += 1)}`;

export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.ELEMENT_AUTH_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

/** keytar's addon links libsecret on Linux; without the library the module does not load at all. */
function missingLibsecret(): AppFailure {
  return new AppFailure(
    'keychain_unavailable',
    'The keychain library libsecret is not installed (libsecret-1.so.0 was not found). Install it ' +
      '(Debian/Ubuntu: sudo apt install libsecret-1-0; Fedora: sudo dnf install libsecret), then try again. ' +
      'Secrets are kept only in the keychain, so nothing was read or saved.',
  );
}

const causeOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What a keytar error says about the keychain: libsecret names a locked collection in its message. */
function kindOf(error: unknown, writing: boolean): KeychainFailureKind {
  const message = causeOf(error);
  if (/\blocked\b/i.test(message)) return 'locked';
  if (writing && !/d-?bus|autolaunch|service ?unknown|no such (interface|object)|cannot load/i.test(message))
    return 'refused';
  return 'unavailable';
}

export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(
    readonly service: string = keychainServiceName(),
    private readonly ports: KeytarPorts = {},
  ) {}

  private async call<T>(writing: boolean, use: (keytar: Keytar) => Promise<T>): Promise<T> {
    this.keytar ??= (this.ports.load ?? loadKeytar)();
    let keytar: Keytar;
    try {
      keytar = await this.keytar;
    } catch (error) {
      this.keytar = undefined;
      this.ports.log?.warn('The keychain module could not be loaded', { cause: causeOf(error) });
      throw /libsecret-1\.so/.test(causeOf(error)) ? missingLibsecret() : keychainFailure('unavailable');
    }
    try {
      return await use(keytar);
    } catch (error) {
      this.ports.log?.warn('The keychain refused a call', { cause: causeOf(error) });
      throw keychainFailure(kindOf(error, writing));
    }
  }

  /**
   * A locked Secret Service answers "no such item" to reads and deletes; a write is refused with
   * "locked". So a read or delete that finds nothing asks once more with a probe write.
   */
  private async assertUnlocked(): Promise<void> {
    const account = probeAccount();
    await this.call(true, async (keytar) => {
      await keytar.setPassword(this.service, account, 'probe');
      await keytar.deletePassword(this.service, account);
    });
  }

  async get(account: string): Promise<string | null> {
    const secret = await this.call(false, (keytar) => keytar.getPassword(this.service, account));
    if (secret === null) await this.assertUnlocked();
    return secret;
  }

  set(account: string, secret: string): Promise<void> {
    return this.call(true, (keytar) => keytar.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    const deleted = await this.call(true, (keytar) => keytar.deletePassword(this.service, account));
    if (!deleted) await this.assertUnlocked();
    return deleted;
  }
}
