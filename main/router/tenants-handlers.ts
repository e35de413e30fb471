// Handlers of the 'tenants.*' channels over the TenantService. Secrets are copied to the
// clipboard here in main; what crosses IPC is the contract's views, with hints only.
import type { Clipboard } from '../services/ports';
import type { TenantSwitch } from '../services/tenant-switch';
import type { TenantService } from '../services/tenants/tenant-service';
import type { DomainHandlers } from './router';

export function tenantsHandlers(
  tenants: TenantService,
  tenantSwitch: TenantSwitch,
  clipboard: Clipboard,
): DomainHandlers<'tenants'> {
  return {
    'tenants.list': () => tenants.list(),
    'tenants.add': (input) => tenants.add(input),
    'tenants.update': (input) => tenants.update(input),
    'tenants.remove': (input) => tenantSwitch.remove(input),
    'tenants.use': (input) => tenantSwitch.use(input),
    'tenants.verify': ({ id }) => tenants.verify(id),
    'tenants.copySecret': async ({ id, which }) => {
      clipboard.writeText(await tenants.secret(id, which));
      return null;
    },
    'tenants.dismissNotice': () => tenants.dismissNotice(),
    'tenants.listOAuthApps': (input) => tenants.listOAuthApps(input?.tenantId),
    'tenants.saveOAuthApp': (input) => tenants.saveOAuthApp(input),
    'tenants.removeOAuthApp': ({ id }) => tenants.removeOAuthApp(id),
  };
}
