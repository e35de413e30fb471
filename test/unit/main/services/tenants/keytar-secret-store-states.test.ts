// keytar's failures told apart: a locked collection, an unreachable Secret Service, a refused write,
// and a missing item (null, once a probe write shows the keyring is unlocked). keytar is stubbed here.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isFailure } from '../../../../../main/services/errors';
import { KeytarSecretStore } from '../../../../../main/services/tenants/keytar-secret-store';

const keytar = vi.hoisted(() => ({
  getPassword: vi.fn(),
  setPassword: vi.fn(),
  deletePassword: vi.fn(),
}));
vi.mock('keytar', () => ({ default: keytar }));

beforeEach(() => {
  vi.resetAllMocks();
});

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return isFailure(error) ? error.code : error;
}

describe('KeytarSecretStore', () => {
  it('tells a missing item (null) from a locked keyring (the probe write is refused)', async () => {
    const store = new KeytarSecretStore('test-service');
    keytar.getPassword.mockResolvedValue(null);
    keytar.setPassword.mockResolvedValue(undefined);
    keytar.deletePassword.mockResolvedValue(true);
    expect(await store.get('tenant:a:org-secret')).toBeNull();
    expect(keytar.setPassword.mock.calls[0]?.[1]).toMatch(/^element-auth:probe:\d+:\d+$/);

    keytar.setPassword.mockRejectedValue(new Error('Cannot create an item in a locked collection'));
    expect(await codeOf(store.get('tenant:a:org-secret'))).toBe('keychain_locked');
    keytar.deletePassword.mockResolvedValue(false);
    expect(await codeOf(store.delete('tenant:a:org-secret'))).toBe('keychain_locked');
  });

  it('tells an unreachable Secret Service from a refused write', async () => {
    const store = new KeytarSecretStore('test-service');
    keytar.getPassword.mockRejectedValue(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    expect(await codeOf(store.get('x'))).toBe('keychain_unavailable');
    keytar.setPassword.mockRejectedValue(
      new Error('The name org.freedesktop.secrets was not provided: ServiceUnknown'),
    );
    expect(await codeOf(store.set('x', 'v'))).toBe('keychain_unavailable');
    keytar.setPassword.mockRejectedValue(new Error('Write failed: the item could not be stored'));
    expect(await codeOf(store.set('x', 'v'))).toBe('keychain_write_refused');
  });
});
