// The stepper's (and instances') scripted bridge: an active tenant, the real element presets and
// a flow view, over the shared fake bridge.
import { ElementPresetSchema, type FlowView, type TenantList } from '../../common/contract';
import { installScriptedBridge, NOT_CHECKED, ok, type FakeBridge } from './bridge';
import { ELEMENT_PRESETS } from '../../main/services/elements/element-presets';

export { ok, type FakeBridge } from './bridge';

export const ACME: TenantList = {
  tenants: [
    {
      id: 't-acme',
      name: 'Acme Corp',
      environment: 'us',
      baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
      color: null,
      orgSecretHint: '••••-org',
      userSecretHint: '••••user',
      check: NOT_CHECKED,
    },
  ],
  activeTenantId: 't-acme',
  oauthApps: [],
  notice: null,
};

export const flowBase = {
  flowId: 'f-1',
  tenantId: 't-acme',
  tenantName: 'Acme Corp',
  instanceName: 'Acme CRM',
};

/** Installs the fake as window.elementAuth: an active tenant, the real presets, an idle flow. */
export function installFakeBridge(initialView: FlowView = { step: 'idle' }): FakeBridge {
  return installScriptedBridge({
    'tenants.list': () => ok(ACME),
    'flow.get': () => ok(initialView),
    'flow.presets': () => ok(ELEMENT_PRESETS.map((preset) => ElementPresetSchema.parse(preset))),
    'app.info': () => ok({ name: 'Element Authenticator', version: 'test', platform: 'linux' }),
  });
}
