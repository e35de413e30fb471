// SecretStore over the OS keychain with keytar (macOS Keychain, Windows Credential Vault,
// Secret Service on Linux). Any keychain failure becomes keychain_unavailable: never a plaintext fallback.
import { AppFailure } from '../errors';
import type { SecretStore } from '../ports';

type Keytar = typeof import('keytar');

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

export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(private readonly service: string = keychainServiceName()) {}

  private async call<T>(use: (keytar: Keytar) => Promise<T>): Promise<T> {
    this.keytar ??= import('keytar').then(
      (module) => ('default' in module ? module.default : module) as Keytar,
    );
    try {
      return await use(await this.keytar);
    } catch {
      this.keytar = undefined;
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
