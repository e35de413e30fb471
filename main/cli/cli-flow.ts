// The flow `authenticate` runs: the app's own AuthFlow from createServices for the active tenant,
// or, with --tenant, the same AuthFlow class over a resolver pinned to that tenant.
import { AuthFlow } from '../services/auth-flow/auth-flow';
import { PlatformClient } from '../services/cloud-elements/platform-client';
import type { CliContext } from './context';

/**
 * FlowStart carries no tenant (the app always signs in for its active tenant), so a named tenant
 * gets its own AuthFlow whose resolver answers that tenant; nothing about the active tenant changes.
 */
export async function flowFor(
  context: CliContext,
  options: { browser: boolean; tenant?: string },
): Promise<AuthFlow> {
  const services = context.services({ browser: options.browser });
  if (options.tenant === undefined) return services.flow;
  const { tenantId } = await services.tenants.resolve(options.tenant);
  const ports = context.ports({ browser: options.browser });
  return new AuthFlow({
    tenants: {
      resolve: (tenant) => services.tenants.resolve(tenant ?? tenantId),
      oauthApp: (owner, appId) => services.tenants.oauthApp(owner, appId),
    },
    secrets: ports.secretStore,
    clock: ports.clock,
    openUrl: ports.openUrl,
    events: ports.events,
    log: ports.log,
    platformClient: (credentials) => new PlatformClient(credentials, ports.platform),
  });
}
