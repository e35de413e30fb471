// An in-memory TenantResolver for the flow's unit tests: tenants by id or name, the active one when
// none is named, saved OAuth apps with their secrets; and planOf, a flow plan from a raw start input.
import { FlowStartSchema, type FlowStart } from '../../common/contract';
import { AppFailure } from '../../main/services/errors';
import { planFlow, type FlowPlan } from '../../main/services/auth-flow/flow-plan';
import type {
  SavedOAuthApp,
  TenantContext,
  TenantResolver,
} from '../../main/services/tenants/tenant-context';

export const ACME: TenantContext = {
  tenantId: 't-acme',
  tenantName: 'Acme',
  environment: 'us',
  credentials: { baseUrl: 'https://api.example.test/elements/api-v2', orgSecret: 'org', userSecret: 'user' },
  check: { state: 'verified', checkedAt: 0, message: 'Checked before the test.' },
};

export class MemoryTenantResolver implements TenantResolver {
  readonly asked: { tenant?: string; apps: string[] } = { apps: [] };

  constructor(
    private readonly tenants: TenantContext[] = [ACME],
    private readonly apps: Record<string, { tenantId: string; app: SavedOAuthApp }> = {},
    private readonly activeId: string | null = ACME.tenantId,
  ) {}

  async resolve(tenant?: string): Promise<TenantContext> {
    this.asked.tenant = tenant;
    const found = tenant
      ? this.tenants.find((t) => t.tenantId === tenant || t.tenantName === tenant)
      : this.tenants.find((t) => t.tenantId === this.activeId);
    if (found) return found;
    if (tenant) throw new AppFailure('tenant_not_found', `There is no tenant “${tenant}”.`);
    throw new AppFailure('no_active_tenant', 'No tenant is selected. Choose the tenant to work on first.');
  }

  async oauthApp(tenantId: string, appId: string): Promise<SavedOAuthApp> {
    this.asked.apps.push(appId);
    const saved = this.apps[appId];
    if (!saved || saved.tenantId !== tenantId) {
      throw new AppFailure('oauth_app_not_found', 'That saved OAuth app does not exist (any more).');
    }
    return saved.app;
  }

  async verify(): Promise<never> {
    throw new AppFailure('internal', 'A verified tenant is not checked again.');
  }
}

/** A start input as the form or the CLI would send it, typed client included unless overridden. */
export const START: FlowStart = {
  elementKey: 'zohocrmv2',
  instanceName: 'Acme – Zoho CRM',
  apiKey: '1000.CLIENTID',
  apiSecret: 'client-secret-0123456789',
  callbackUrl: 'http://127.0.0.1:53682/oauth/callback',
};

/** planFlow over a start input parsed with the contract, as the router and the CLI do. */
export function planOf(
  overrides: Partial<FlowStart> = {},
  resolver: TenantResolver = new MemoryTenantResolver(),
): Promise<FlowPlan> {
  return planFlow(FlowStartSchema.parse({ ...START, ...overrides }), resolver);
}
