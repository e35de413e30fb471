// The tenants tests' scripted bridge: two tenants with hints only and a saved OAuth app, over the
// shared fake bridge.
import type { TenantList } from '../../common/contract';
import { installScriptedBridge, NOT_CHECKED, ok, type FakeBridge } from './bridge';

export { ok, type FakeBridge } from './bridge';

export const TWO_TENANTS: TenantList = {
  tenants: [
    {
      id: 't-acme',
      name: 'Acme',
      environment: 'us',
      baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
      color: '#1c7ed6',
      orgSecretHint: '••••ABCD',
      userSecretHint: '••••WXYZ',
      check: NOT_CHECKED,
    },
    {
      id: 't-globex',
      name: 'Globex',
      environment: 'custom',
      baseUrl: 'http://127.0.0.1:8080/elements/api-v2',
      color: null,
      orgSecretHint: '••••GLOB',
      userSecretHint: '••••EXUS',
      check: NOT_CHECKED,
    },
  ],
  activeTenantId: 't-acme',
  oauthApps: [
    {
      id: 'app-1',
      tenantId: 't-acme',
      name: 'Zoho prod',
      clientId: '1000.CLIENT',
      callbackUrl: 'element-auth://oauth/callback',
      scope: null,
      clientSecretHint: '••••S3CR',
    },
  ],
  notice: null,
};

export function installTenantsBridge(list: TenantList = TWO_TENANTS): FakeBridge {
  return installScriptedBridge({
    'tenants.list': () => ok(list),
    'tenants.dismissNotice': () => ok({ ...list, notice: null }),
    'tenants.verify': () =>
      ok({ ok: true, message: 'The US platform accepted the secrets of Acme (3 instances).' }),
  });
}
