// The re-authentication queue over a scripted bridge: each failing instance opened in turn on its own
// tenant (switching through the tenants store), done when the flow re-authenticates it, skip, stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView, TenantList } from '../../../../common/contract';
import type { HealthRow } from '../../../../common/health-rows';
import { useAppStore } from '../../../../renderer/stores/app';
import { useFlowStore } from '../../../../renderer/stores/flow';
import { useInstancesStore } from '../../../../renderer/stores/instances';
import { countByStatus, useReauthQueueStore } from '../../../../renderer/stores/reauth-queue';
import { useTenantsStore } from '../../../../renderer/stores/tenants';
import { installScriptedBridge, ok, type FakeBridge } from '../../../fakes/bridge';

const tenant = (id: string) => ({
  id,
  name: id.toUpperCase(),
  environment: 'us' as const,
  baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
  color: null,
  orgSecretHint: '••••',
  userSecretHint: '••••',
  check: { state: 'not-checked' as const, checkedAt: null, message: null },
});
const list = (active: string): TenantList => ({
  tenants: [tenant('a'), tenant('b')],
  activeTenantId: active,
  oauthApps: [],
  notice: null,
});
const row = (tenantId: string, instanceId: number): HealthRow => ({
  tenantId,
  tenantName: tenantId.toUpperCase(),
  color: null,
  instanceId,
  instanceName: `instance-${instanceId}`,
  elementKey: 'zohocrmv2',
  outcome: 'token_refused',
  message: '',
  checkedAt: 1,
  lastSuccessAt: null,
  failingSince: 1,
});
const done = (tenantId: string, id: number): FlowView => ({
  step: 'done',
  flowId: 'f',
  tenantId,
  tenantName: tenantId.toUpperCase(),
  instanceName: `instance-${id}`,
  reauthenticated: true,
  instance: { id, name: `instance-${id}`, elementKey: 'zohocrmv2', createdDate: '', tokenHint: '••••' },
});

let bridge: FakeBridge;
/** Puts every store this queue touches back as it was. */
const resets = [useReauthQueueStore, useInstancesStore, useTenantsStore, useFlowStore, useAppStore].map(
  (store: { getState(): object; setState(state: object, replace: true): void }) => {
    const initial = store.getState();
    return () => store.setState(initial, true);
  },
);

beforeEach(() => {
  bridge = installScriptedBridge({
    'tenants.use': (input) => ok(list((input as { id: string }).id)),
    'flow.reset': () => ok({ step: 'idle' }),
  });
  useTenantsStore.setState({ list: list('a') });
});
afterEach(() => resets.forEach((reset) => reset()));

describe('re-authentication queue', () => {
  it('opens each instance in the stepper on its own tenant, marks it done, and goes on', async () => {
    const unsubscribe = useReauthQueueStore.getState().listen();
    await useReauthQueueStore.getState().start([row('a', 1), row('b', 2), row('b', 3)]);
    expect(useAppStore.getState().screen).toBe('authenticate');
    expect(useInstancesStore.getState().reauthenticate).toMatchObject({ tenantId: 'a', instanceId: 1 });
    expect(bridge.callsTo('tenants.use')).toEqual([]);

    useFlowStore.setState({ view: done('a', 1) });
    expect(countByStatus(useReauthQueueStore.getState().items)).toEqual({ done: 1, skipped: 0, left: 2 });

    await useReauthQueueStore.getState().next();
    expect(bridge.callsTo('flow.reset')).toHaveLength(1);
    expect(bridge.callsTo('tenants.use')).toEqual([{ id: 'b', abandonPendingFlow: undefined }]);
    expect(useTenantsStore.getState().list?.activeTenantId).toBe('b');
    expect(useInstancesStore.getState().reauthenticate).toMatchObject({ tenantId: 'b', instanceId: 2 });

    useFlowStore.setState({ view: done('b', 3) });
    expect(countByStatus(useReauthQueueStore.getState().items).done).toBe(1);

    await useReauthQueueStore.getState().skip();
    expect(useInstancesStore.getState().reauthenticate).toMatchObject({ tenantId: 'b', instanceId: 3 });
    expect(countByStatus(useReauthQueueStore.getState().items)).toEqual({ done: 1, skipped: 1, left: 1 });
    unsubscribe();
  });

  it('keeps its place when the user goes elsewhere, and empties on Stop', async () => {
    await useReauthQueueStore.getState().start([row('a', 1), row('a', 2)]);
    useAppStore.getState().go('health');
    expect(useReauthQueueStore.getState().current).toBe(0);
    await useReauthQueueStore.getState().next();
    expect(useReauthQueueStore.getState().current).toBe(0);
    expect(useAppStore.getState().screen).toBe('authenticate');
    useReauthQueueStore.getState().stop();
    expect(useReauthQueueStore.getState().items).toEqual([]);
  });
});
