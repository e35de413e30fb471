// The one SecretStore the services see sends each tenant's items where that tenant keeps them:
// keychain items stay in the keychain, a team tenant's go to its store under the entry path.
import { describe, expect, it } from 'vitest';
import { teamEntryOf, TenantSecretStores } from '../../../../../main/services/tenants/tenant-secret-stores';
import type { PassSecretStore } from '../../../../../main/services/tenants/team-store/pass-secret-store';
import { MemorySecretStore } from '../../../../fakes/memory-secret-store';

function stores() {
  const keychain = new MemorySecretStore();
  const team = new MemorySecretStore();
  const hidden: string[] = [];
  const router = new TenantSecretStores(
    keychain,
    async () => ({ t2: { kind: 'pass', dir: '/stores/team', entry: 'customers/acme' } }),
    (secret) => hidden.push(secret),
  );
  // The team store as a memory store: the routing is what is under test here.
  router.teamStore = () => team as unknown as PassSecretStore;
  return { keychain, team, router, hidden };
}

describe('TenantSecretStores', () => {
  it("keeps a keychain tenant's items and the app's own in the keychain", async () => {
    const { keychain, team, router } = stores();
    await router.set('tenant:t1:org-secret', 'one');
    await router.set('network:proxy-password', 'proxy');
    expect(keychain.accounts()).toEqual(['network:proxy-password', 'tenant:t1:org-secret']);
    expect(team.accounts()).toEqual([]);
    expect(await router.get('tenant:t1:org-secret')).toBe('one');
  });

  it("puts a team tenant's items under its entry path, colons as folders", async () => {
    const { keychain, team, router } = stores();
    await router.set('tenant:t2:org-secret', 'org');
    await router.set('tenant:t2:oauth-app:app9', 'client');
    await router.set('tenant:t2:instance:42:token', 'token');
    expect(team.accounts()).toEqual([
      'customers/acme/instance/42/token',
      'customers/acme/oauth-app/app9',
      'customers/acme/org-secret',
    ]);
    expect(keychain.accounts()).toEqual([]);
    expect(await router.get('tenant:t2:oauth-app:app9')).toBe('client');
    expect(await router.delete('tenant:t2:org-secret')).toBe(true);
    expect(await router.get('tenant:t2:org-secret')).toBeNull();
  });

  it('names entries as a teammate joining the tenant finds them', () => {
    expect(teamEntryOf({ entry: 'customers/acme' }, 'user-secret')).toBe('customers/acme/user-secret');
  });
});
