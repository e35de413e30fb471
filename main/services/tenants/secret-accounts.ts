// Names of the keychain accounts a tenant owns (every item starts with its prefix, so removing a
// tenant leaves no orphan), their masked hints, and putting back values a failed change overwrote.
import type { SecretStore } from '../ports';

export const secretAccounts = {
  tenantPrefix: (tenantId: string) => `tenant:${tenantId}:`,
  orgSecret: (tenantId: string) => `tenant:${tenantId}:org-secret`,
  userSecret: (tenantId: string) => `tenant:${tenantId}:user-secret`,
  oauthAppSecret: (tenantId: string, appId: string) => `tenant:${tenantId}:oauth-app:${appId}`,
  instanceToken: (tenantId: string, instanceId: number) => `tenant:${tenantId}:instance:${instanceId}:token`,
  signatureKey: (tenantId: string, instanceId: number) =>
    `tenant:${tenantId}:instance:${instanceId}:signature-key`,
  /** The manual proxy's password (network settings); no tenant owns it. */
  proxyPassword: 'network:proxy-password',
};

/** The accounts the records name, for a file written before the index of accounts existed. */
export function accountsOfRecords(data: {
  tenants: readonly { id: string }[];
  oauthApps: readonly { id: string; tenantId: string }[];
}): string[] {
  return [
    ...data.tenants.flatMap((tenant) => [
      secretAccounts.orgSecret(tenant.id),
      secretAccounts.userSecret(tenant.id),
    ]),
    ...data.oauthApps.map((app) => secretAccounts.oauthAppSecret(app.tenantId, app.id)),
  ];
}

/** "••••EHU=": the last four characters of a secret, never more, and nothing for short ones. */
export function maskSecret(secret: string | null | undefined): string {
  if (!secret) return '';
  return secret.length >= 12 ? `••••${secret.slice(-4)}` : '••••';
}

/** A keychain value as it was before a write, to put back if the change around it fails. */
export interface SavedSecret {
  account: string;
  previous: string | null;
}

/** Puts saved values back, newest first; an account that had none is deleted. Never throws. */
export async function restoreSecrets(store: SecretStore, saved: readonly SavedSecret[]): Promise<void> {
  for (const { account, previous } of [...saved].reverse()) {
    await (previous === null ? store.delete(account) : store.set(account, previous)).catch(() => undefined);
  }
}
