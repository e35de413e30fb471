// What the flow, instances and CLI services need from the tenants service: the tenant to act on
// (the active one unless named) with its platform credentials read from the keychain.
import type { TenantCheck, TenantVerification } from '../../../common/contract';
import type { PlatformCredentials } from '../cloud-elements/platform-client';

export interface TenantContext {
  tenantId: string;
  tenantName: string;
  environment: string;
  credentials: PlatformCredentials;
  /** The last check of the secrets, as it was when the context was read. */
  check: TenantCheck;
}

export interface SavedOAuthApp {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  scope?: string;
}

export interface TenantResolver {
  /** The tenant by id or name, or the active tenant when none is named (no_active_tenant if none). */
  resolve(tenant?: string): Promise<TenantContext>;
  /** A saved OAuth app of that tenant with its client secret from the keychain (oauth_app_not_found). */
  oauthApp(tenantId: string, appId: string): Promise<SavedOAuthApp>;
  /** Checks the stored secrets with one GET and keeps the outcome as the tenant's check. */
  verify(tenantId: string): Promise<TenantVerification>;
}
