// The one rule that a flow in progress blocks switching away from its tenant or removing it: the
// question (flow_pending, naming the flow), and abandoning it on request; finished flows never block.
import { afterAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../support/failure-of';
import type { FlowView } from '../../../../common/contract';
import { TenantSwitch } from '../../../../main/services/tenant-switch';
import {
  buildTenants,
  FakeFlow,
  MemorySecretStore,
  ORG_SECRET,
  removeDir,
  tempDataDir,
  USER_SECRET,
} from '../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

async function setup(flow: FakeFlow) {
  const dataDir = await tempDataDir('tenant-switch');
  dirs.push(dataDir);
  const { service } = buildTenants({ dataDir, secretStore: new MemorySecretStore() });
  return { service, tenantSwitch: new TenantSwitch(service, flow) };
}

const secrets = { orgSecret: ORG_SECRET, userSecret: USER_SECRET };

describe('a flow in progress and a tenant change', () => {
  const pending = (tenantId: string, tenantName: string): FlowView => ({
    step: 'awaiting-consent',
    flowId: 'flow-1',
    tenantId,
    tenantName,
    instanceName: 'Acme CRM',
    authUrl: 'https://accounts.zoho.com/oauth/v2/auth',
    callbackUrl: 'http://127.0.0.1:53682/oauth/callback',
    door: 'loopback',
    waitUntil: Date.now() + 60_000,
  });

  it('asks first when a flow is pending, naming it; abandoning cancels the flow and switches', async () => {
    const flow = new FakeFlow();
    const { service, tenantSwitch } = await setup(flow);
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const globex = await service.add({ name: 'Globex', environment: 'eu', ...secrets });
    flow.view = pending(acme.id, 'Acme');

    const asked = await failureOf(tenantSwitch.use({ id: globex.id }));
    expect(asked.code).toBe('flow_pending');
    expect(asked.message).toBe(
      'The flow creating “Acme CRM” for Acme is still waiting for the sign-in in the browser. Switching to Globex cancels it.',
    );
    expect((await service.list()).activeTenantId).toBe(acme.id);
    expect(flow.cancelled).toBe(0);

    expect((await tenantSwitch.use({ id: globex.id, abandonPendingFlow: true })).activeTenantId).toBe(
      globex.id,
    );
    expect(flow.cancelled).toBe(1);
  });

  it('switches freely when the flow is finished, and asks before removing the tenant of a pending flow', async () => {
    const flow = new FakeFlow();
    const { service, tenantSwitch } = await setup(flow);
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const globex = await service.add({ name: 'Globex', environment: 'eu', ...secrets });
    flow.view = {
      step: 'cancelled',
      flowId: 'f',
      tenantId: acme.id,
      tenantName: 'Acme',
      instanceName: 'Acme CRM',
    };
    await tenantSwitch.use({ id: globex.id });

    flow.view = pending(acme.id, 'Acme');
    expect((await failureOf(tenantSwitch.remove({ id: acme.id }))).message).toContain(
      'Removing Acme cancels it.',
    );
    await tenantSwitch.remove({ id: globex.id });
    await tenantSwitch.remove({ id: acme.id, abandonPendingFlow: true });
    expect((await service.list()).tenants).toEqual([]);
    expect(flow.cancelled).toBe(1);
  });
});
