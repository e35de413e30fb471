// SecretStore over the OS keychain with keytar (macOS Keychain, Windows Credential Vault,
// Secret Service on Linux). Any keychain failure becomes keychain_unavailable: never a plaintext fallback.
// Its cause goes to the log (which redacts); a missing libsecret library gets its own plain sentence.
import { AppFailure } from '../errors';
import type { Logger, SecretStore } from '../ports';

type Keytar = typeof import('keytar');

export interface KeytarPorts {
  /** Loads keytar's native module; the real one unless a test stands in. */
  load?: () => Promise<Keytar>;
  log?: Pick<Logger, 'warn'>;
}

const loadKeytar = () =>
  import('keytar').then((module) => ('default' in module ? module.default : module) as Keytar);

export const DEFAULT_KEYCHAIN_SERVICE = 'element-authenticator';

export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.ELEMENT_AUTH_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

function unavailable(): AppFailure {
  return new AppFailure(
    'keychain_unavailable',
    'The system keychain is not available (on Linux: is a Secret Service such as gnome-keyring running and unlocked?). ' +
      'Secrets are kept only in the keychain, so nothing was read or saved.',
  );
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

export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(
    private readonly service: string = keychainServiceName(),
    private readonly ports: KeytarPorts = {},
  ) {}

  private async call<T>(use: (keytar: Keytar) => Promise<T>): Promise<T> {
    this.keytar ??= (this.ports.load ?? loadKeytar)();
    let keytar: Keytar;
    try {
      keytar = await this.keytar;
    } catch (error) {
      this.keytar = undefined;
      this.ports.log?.warn('The keychain module could not be loaded', { cause: causeOf(error) });
      throw /libsecret-1\.so/.test(causeOf(error)) ? missingLibsecret() : unavailable();
    }
    try {
      return await use(keytar);
    } catch (error) {
      this.ports.log?.warn('The keychain refused a call', { cause: causeOf(error) });
      throw unavailable();
    }
  }

  get(account: string): Promise<string | null> {
    return this.call((keytar) => keytar.getPassword(this.service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.call((keytar) => keytar.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.call((keytar) => keytar.deletePassword(this.service, account));
  }

  async accounts(): Promise<string[]> {
    const found = await this.call((keytar) => keytar.findCredentials(this.service));
    return found.map((credential) => credential.account);
  }
}
