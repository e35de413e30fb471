// KeytarSecretStore's failures, with a stand-in keytar: a missing libsecret library gets its own sentence, any
// other load failure is keychain_unavailable, the cause reaches the log (never the message), and it retries loading.
import { failureOf } from '../../../../support/failure-of';
import { KeytarSecretStore } from '../../../../../main/services/tenants/keytar-secret-store';

/** What Node's dlopen says when keytar.node cannot find libsecret (Linux without libsecret-1-0). */
const DLOPEN_ERROR = Object.assign(
  new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory'),
  { code: 'ERR_DLOPEN_FAILED' },
);

function store(load: () => Promise<never>) {
  const warnings: [string, Record<string, unknown> | undefined][] = [];
  const secrets = new KeytarSecretStore('element-auth-test', {
    load,
    log: { warn: (message, meta) => void warnings.push([message, meta]) },
  });
  return { secrets, warnings };
}

describe('KeytarSecretStore failures', () => {
  it('says the libsecret library is missing, and how to install it, when keytar cannot load it', async () => {
    const { secrets, warnings } = store(() => Promise.reject(DLOPEN_ERROR));
    const error = await failureOf(secrets.get('tenant:acme:org'));
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toMatch(/libsecret is not installed/);
    expect(error.message).toMatch(/apt install libsecret-1-0/);
    expect(error.message).not.toMatch(/Secret Service such as gnome-keyring running/);
    expect(warnings).toEqual([['The keychain module could not be loaded', { cause: DLOPEN_ERROR.message }]]);
  });

  it('keeps the Secret Service sentence for another load failure', async () => {
    const { secrets } = store(() => Promise.reject(new Error('Module did not self-register')));
    const error = await failureOf(secrets.set('tenant:acme:org', 'value'));
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).not.toMatch(/libsecret is not installed/);
  });

  it('logs a refused call’s cause and keeps it out of the message', async () => {
    const cause = 'Cannot create an item in a locked collection';
    const keytar = { getPassword: () => Promise.reject(new Error(cause)) };
    const { secrets, warnings } = store(() => Promise.resolve(keytar as never));
    const error = await failureOf(secrets.get('tenant:acme:org'));
    expect(error.code).toBe('keychain_locked');
    expect(error.message).not.toContain(cause);
    expect(warnings).toEqual([['The keychain refused a call', { cause }]]);
  });

  it('tries to load keytar again after a load failure (the library may have been installed since)', async () => {
    let attempts = 0;
    const keytar = { getPassword: () => Promise.resolve('v') };
    const { secrets } = store(() =>
      ++attempts === 1 ? Promise.reject(DLOPEN_ERROR) : Promise.resolve(keytar as never),
    );
    await failureOf(secrets.get('a'));
    expect(await secrets.get('a')).toBe('v');
    expect(attempts).toBe(2);
  });
});
