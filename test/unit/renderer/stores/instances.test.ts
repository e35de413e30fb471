// The instances store across tenant switches: the previous tenant's list, selection, filter, open
// drawer and notices are gone in the same update as the switch, and its late answers are dropped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstanceList, Result, TenantList } from '../../../../common/contract';
import { useInstancesStore } from '../../../../renderer/stores/instances';
import { useTenantsStore } from '../../../../renderer/stores/tenants';
import { installScriptedBridge, ok, type FakeBridge } from '../../../fakes/bridge';
import { TWO_TENANTS } from '../../../fakes/tenants-bridge';

const summary = (id: number, name: string) => ({
  id,
  name,
  elementKey: 'zohocrmv2',
  createdDate: '2024-05-17T09:30:00Z',
  valid: true,
  disabled: false,
  tags: [],
});
const ACME_LIST: InstanceList = {
  tenantId: 't-acme',
  tenantName: 'Acme',
  instances: [summary(11, 'Acme CRM'), summary(12, 'Acme Books')],
};
const GLOBEX_LIST: InstanceList = {
  tenantId: 't-globex',
  tenantName: 'Globex',
  instances: [summary(21, 'Globex CRM')],
};

const activate = (id: string) =>
  useTenantsStore.setState({ list: { ...TWO_TENANTS, activeTenantId: id } satisfies TenantList });

type Pending = { tenantId?: string; release(value: Result<InstanceList>): void };

let bridge: FakeBridge;
let lists: Pending[];
let stopListening = () => {};
afterEach(() => stopListening());
beforeEach(() => {
  useTenantsStore.setState(useTenantsStore.getInitialState(), true);
  useInstancesStore.setState(useInstancesStore.getInitialState(), true);
  lists = [];
  bridge = installScriptedBridge({
    'instances.list': (input) =>
      new Promise((resolve) =>
        lists.push({ tenantId: (input as { tenantId?: string })?.tenantId, release: resolve }),
      ),
    'instances.get': (input) =>
      ok({
        tenantId: 't-acme',
        tenantName: 'Acme',
        instance: { id: (input as { id: number }).id, name: 'Acme CRM' },
        configuration: [],
        tokenHint: '',
      }),
    'instances.delete': () => ok({ id: 12, name: 'Acme Books' }),
  });
  activate('t-acme');
});

async function loadedAcme() {
  const loading = useInstancesStore.getState().load();
  lists.at(-1)?.release(ok(ACME_LIST));
  await loading;
}

describe('the instances store across tenants', () => {
  it('clears the list, selection, filter, open drawer and notices in the same update as the switch', async () => {
    stopListening = useInstancesStore.getState().listen();
    await loadedAcme();
    const store = useInstancesStore.getState();
    store.setSelected([11, 12]);
    store.setFilter('acme');
    await store.open(11);
    store.openExport('selected');
    useInstancesStore.setState({ exported: { path: '/tmp/acme.json', count: 2, secretsIncluded: false } });

    activate('t-globex');
    const after = useInstancesStore.getState();
    expect(after).toMatchObject({
      tenantId: 't-globex',
      list: null,
      filter: '',
      openId: null,
      detail: null,
      exported: null,
      exportDialog: null,
      loading: true,
      error: null,
    });
    expect(after.selected.size).toBe(0);
    expect(lists.at(-1)?.tenantId).toBe('t-globex');
  });

  it('drops Acme’s list when it arrives after the switch, and takes Globex’s', async () => {
    stopListening = useInstancesStore.getState().listen();
    const acmeLoad = useInstancesStore.getState().load();
    const acme = lists.at(-1);
    activate('t-globex');
    const globex = lists.at(-1);
    expect(globex?.tenantId).toBe('t-globex');

    acme?.release(ok(ACME_LIST));
    await acmeLoad;
    expect(useInstancesStore.getState()).toMatchObject({ list: null, loading: true });

    globex?.release(ok(GLOBEX_LIST));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useInstancesStore.getState()).toMatchObject({ list: GLOBEX_LIST, loading: false });
  });

  it('says what was deleted and from which tenant', async () => {
    await loadedAcme();
    await useInstancesStore.getState().open(12);
    expect(await useInstancesStore.getState().remove('Acme Books')).toBe(true);
    expect(useInstancesStore.getState().deleted).toEqual({ id: 12, name: 'Acme Books', tenantName: 'Acme' });
    expect(bridge.callsTo('instances.delete')).toEqual([
      { id: 12, tenantId: 't-acme', confirmName: 'Acme Books' },
    ]);
    activate('t-globex');
    expect(useInstancesStore.getState().deleted).toBeNull();
  });

  it('forgets a re-authenticate intent left on the previous tenant', async () => {
    await loadedAcme();
    useInstancesStore.setState({
      reauthenticate: { tenantId: 't-acme', instanceId: 11, name: 'Acme CRM', elementKey: 'zohocrmv2' },
    });
    activate('t-globex');
    expect(useInstancesStore.getState().reauthenticate).toBeNull();
  });
});
