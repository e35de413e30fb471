// Gives an e2e app an active tenant on a fake platform, through the real tenants service, and
// reloads the page so the renderer shows it.
import type { TenantView } from '../../../common/contract';
import { FAKE_SECRETS, type FakePlatform } from '../../fakes/platform-server';
import type { AppHarness } from '../harness/app-harness';

export async function activeTenantOn(
  app: AppHarness,
  platform: FakePlatform,
  name: string,
): Promise<TenantView> {
  const tenant = await app.services.tenants.add({
    name,
    environment: 'custom',
    customUrl: platform.baseUrl,
    ...FAKE_SECRETS,
  });
  await app.services.tenants.use({ id: tenant.id });
  await app.page.reload();
  return tenant;
}
