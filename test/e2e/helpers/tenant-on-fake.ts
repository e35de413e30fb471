// Gives an e2e app a tenant on a fake platform through the real tenants service; an active one
// reloads the page so the renderer shows it.
import type { TenantView } from '../../../common/contract';
import { FAKE_SECRETS, type FakePlatform } from '../../fakes/platform-server';
import type { AppHarness } from '../harness/app-harness';

/** Adds a tenant on the fake platform (not made active). */
export function tenantOn(app: AppHarness, platform: FakePlatform, name: string): Promise<TenantView> {
  return app.services.tenants.add({
    name,
    environment: 'custom',
    customUrl: platform.baseUrl,
    ...FAKE_SECRETS,
  });
}

export async function activeTenantOn(
  app: AppHarness,
  platform: FakePlatform,
  name: string,
): Promise<TenantView> {
  const tenant = await tenantOn(app, platform, name);
  await app.services.tenants.use({ id: tenant.id });
  await app.page.reload();
  return tenant;
}
