// Names of the keychain accounts a tenant owns. Every item of a tenant starts with its prefix,
// so removing a tenant removes everything it had and leaves no orphan.
export const secretAccounts = {
  tenantPrefix: (tenantId: string) => `tenant:${tenantId}:`,
  orgSecret: (tenantId: string) => `tenant:${tenantId}:org-secret`,
  userSecret: (tenantId: string) => `tenant:${tenantId}:user-secret`,
  oauthAppSecret: (tenantId: string, appId: string) => `tenant:${tenantId}:oauth-app:${appId}`,
  instanceToken: (tenantId: string, instanceId: number) => `tenant:${tenantId}:instance:${instanceId}:token`,
  signatureKey: (tenantId: string, instanceId: number) =>
    `tenant:${tenantId}:instance:${instanceId}:signature-key`,
};

/** "••••EHU=": the last four characters of a secret, never more, and nothing for short ones. */
export function maskSecret(secret: string | null | undefined): string {
  if (!secret) return '';
  return secret.length >= 12 ? `••••${secret.slice(-4)}` : '••••';
}
