// The sign-in queue over a scripted bridge: each failing instance (or each instance of an import) opened
// in turn on its own tenant (switching through the tenants store), settled from what the flow shows,
// skip, stop, and every change saved to main so the queue survives a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  FlowView,
  ImportItem,
  ImportPlanView,
  SignInQueue,
  TenantList,
} from '../../../../common/contract';
import type { HealthRow } from '../../../../common/health-rows';
import { useAppStore } from '../../../../renderer/stores/app';
import { useFlowStore } from '../../../../renderer/stores/flow';
import { useInstancesStore } from '../../../../renderer/stores/instances';
import { countByStatus, useSignInQueueStore } from '../../../../renderer/stores/sign-in-queue';
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
  oauthApps: [
    {
      id: 'app-b',
      tenantId: 'b',
      name: 'Zoho production',
      clientId: 'client-b',
      callbackUrl: 'https://auth.acme.example/cb',
      scope: null,
      clientSecretHint: '••••',
    },
  ],
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
const resets = [useSignInQueueStore, useInstancesStore, useTenantsStore, useFlowStore, useAppStore].map(
  (store: { getState(): object; setState(state: object, replace: true): void }) => {
    const initial = store.getState();
    return () => store.setState(initial, true);
  },
);

beforeEach(() => {
  bridge = installScriptedBridge({
    'tenants.use': (input) => ok(list((input as { id: string }).id)),
    'flow.reset': () => ok({ step: 'idle' }),
    'queue.save': () => ok(null),
  });
  useTenantsStore.setState({ list: list('a') });
});
afterEach(() => resets.forEach((reset) => reset()));

describe('re-authentication queue', () => {
  it('opens each instance in the stepper on its own tenant, marks it done, and goes on', async () => {
    const unsubscribe = useSignInQueueStore.getState().listen();
    await useSignInQueueStore.getState().start([row('a', 1), row('b', 2), row('b', 3)]);
    expect(useAppStore.getState().screen).toBe('authenticate');
    expect(useInstancesStore.getState().reauthenticate).toMatchObject({ tenantId: 'a', instanceId: 1 });
    expect(bridge.callsTo('tenants.use')).toEqual([]);

    useFlowStore.setState({ view: done('a', 1) });
    expect(countByStatus(useSignInQueueStore.getState().items)).toEqual({
      done: 1,
      skipped: 0,
      failed: 0,
      left: 2,
    });

    await useSignInQueueStore.getState().next();
    expect(bridge.callsTo('flow.reset')).toHaveLength(1);
    expect(bridge.callsTo('tenants.use')).toEqual([{ id: 'b', abandonPendingFlow: undefined }]);
    expect(useTenantsStore.getState().list?.activeTenantId).toBe('b');
    expect(useInstancesStore.getState().reauthenticate).toMatchObject({ tenantId: 'b', instanceId: 2 });

    useFlowStore.setState({ view: done('b', 3) });
    expect(countByStatus(useSignInQueueStore.getState().items).done).toBe(1);

    await useSignInQueueStore.getState().skip();
    expect(useInstancesStore.getState().reauthenticate).toMatchObject({ tenantId: 'b', instanceId: 3 });
    expect(countByStatus(useSignInQueueStore.getState().items)).toEqual({
      done: 1,
      skipped: 1,
      failed: 0,
      left: 1,
    });
    unsubscribe();
  });

  it('keeps its place when the user goes elsewhere, and empties on Stop', async () => {
    await useSignInQueueStore.getState().start([row('a', 1), row('a', 2)]);
    useAppStore.getState().go('health');
    expect(useSignInQueueStore.getState().current).toBe(0);
    await useSignInQueueStore.getState().next();
    expect(useSignInQueueStore.getState().current).toBe(0);
    expect(useAppStore.getState().screen).toBe('authenticate');
    useSignInQueueStore.getState().stop();
    expect(useSignInQueueStore.getState().items).toEqual([]);
  });
});

const planned = (sourceId: number, action: 'create' | 'skip' = 'create'): ImportItem => ({
  sourceId,
  sourceName: `staging-${sourceId}`,
  targetName: `prod-${sourceId}`,
  elementKey: 'zohocrmv2',
  tags: ['handover'],
  events: { 'event.notification.enabled': 'true' },
  configuration: { 'custom.setting': `keep-${sourceId}` },
  notCarried: [{ key: 'oauth.api.secret', reason: 'oauth-client' }],
  action,
  ...(action === 'skip'
    ? { skipReason: `Instance 9 “prod-${sourceId}” (zohocrmv2) already exists on the target.` }
    : {}),
});
const plan: ImportPlanView = {
  planId: 'p',
  sourceTenant: 'A',
  targetTenantId: 'b',
  targetTenantName: 'B',
  items: [planned(1), planned(2, 'skip'), planned(3)],
};
const ended = (id: number, view: Partial<FlowView> & { step: FlowView['step'] }): FlowView =>
  ({ flowId: 'f', tenantId: 'b', tenantName: 'B', instanceName: `prod-${id}`, ...view }) as FlowView;

describe('import queue', () => {
  it('opens each planned instance prefilled on the target tenant and reports created, skipped and failed', async () => {
    const unsubscribe = useSignInQueueStore.getState().listen();
    await useSignInQueueStore.getState().startImport(plan, { zohocrmv2: 'app-b' });

    expect(useTenantsStore.getState().list?.activeTenantId).toBe('b');
    expect(useInstancesStore.getState().importing).toMatchObject({
      tenantId: 'b',
      name: 'prod-1',
      tags: ['handover'],
      carried: { 'custom.setting': 'keep-1', 'event.notification.enabled': 'true' },
      sourceTenant: 'A',
    });
    expect(useFlowStore.getState().draft).toMatchObject({ oauthAppId: 'app-b', clientId: 'client-b' });
    expect(countByStatus(useSignInQueueStore.getState().items)).toEqual({
      done: 0,
      skipped: 1,
      failed: 0,
      left: 2,
    });

    // Another flow's end on this tenant (another name) settles nothing.
    useFlowStore.setState({ view: ended(7, { step: 'failed', error: { code: 'timeout', message: 'x' } }) });
    expect(countByStatus(useSignInQueueStore.getState().items).failed).toBe(0);

    const created = { id: 501, name: 'prod-1', elementKey: 'zohocrmv2', createdDate: '', tokenHint: '••••' };
    useFlowStore.setState({ view: ended(1, { step: 'done', reauthenticated: false, instance: created }) });
    await useSignInQueueStore.getState().next();
    expect(useInstancesStore.getState().importing).toMatchObject({ name: 'prod-3' });
    const refusal = {
      code: 'platform_bad_request' as const,
      message: 'The platform refused the request (400).',
    };
    useFlowStore.setState({
      view: ended(3, { step: 'failed', error: { ...refusal, details: { requestId: 'req-9' } } }),
    });

    const { items } = useSignInQueueStore.getState();
    expect(items.map((item) => [item.status, item.outcome])).toEqual([
      ['done', { instanceId: 501 }],
      ['skipped', { message: 'Instance 9 “prod-2” (zohocrmv2) already exists on the target.' }],
      ['failed', { message: 'The platform refused the request (400).', requestId: 'req-9' }],
    ]);
    const saved = bridge.callsTo('queue.save').at(-1) as SignInQueue;
    expect(saved.items).toEqual(items);
    unsubscribe();
  });

  it('picks up the queue main kept, after a restart', async () => {
    const kept: SignInQueue = {
      items: [
        {
          kind: 'import',
          tenantId: 'b',
          tenantName: 'B',
          item: planned(1),
          oauthAppId: null,
          sourceTenant: 'A',
          status: 'left',
        },
      ],
      current: 0,
    };
    bridge.answers['queue.get'] = () => ok(kept);
    await useSignInQueueStore.getState().load();
    expect(useSignInQueueStore.getState()).toMatchObject(kept);
    await useSignInQueueStore.getState().next();
    expect(useInstancesStore.getState().importing).toMatchObject({ tenantId: 'b', name: 'prod-1' });
  });

  it('skips an instance that is on the target already when it comes up (an import resumed twice creates nothing twice)', async () => {
    bridge.answers['instances.list'] = () =>
      ok({
        tenantId: 'b',
        tenantName: 'B',
        instances: [
          {
            id: 77,
            name: 'prod-1',
            elementKey: 'zohocrmv2',
            createdDate: '',
            valid: true,
            disabled: false,
            tags: [],
          },
        ],
      });
    await useSignInQueueStore.getState().startImport(plan, {});
    const { items, current } = useSignInQueueStore.getState();
    expect(items[0]).toMatchObject({
      status: 'skipped',
      outcome: { message: 'Instance 77 “prod-1” (zohocrmv2) already exists on B.' },
    });
    expect(current).toBe(2);
    expect(useInstancesStore.getState().importing).toMatchObject({ name: 'prod-3' });
  });

  it('drops the items of a tenant removed while the queue runs', async () => {
    const unsubscribe = useSignInQueueStore.getState().listen();
    await useSignInQueueStore.getState().start([row('a', 1), row('b', 2), row('a', 3)]);
    useTenantsStore.setState({ list: { ...list('a'), tenants: [tenant('a')] } });
    const { items, current } = useSignInQueueStore.getState();
    expect(items.map((item) => item.kind === 'reauth' && item.instanceId)).toEqual([1, 3]);
    expect(current).toBe(0);
    expect((bridge.callsTo('queue.save').at(-1) as SignInQueue).items).toHaveLength(2);
    unsubscribe();
  });
});
