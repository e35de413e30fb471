// The tenants store over a scripted bridge: the app connects once (following changes from before its
// question on), and the list main sends again unchanged re-renders nothing; a changed one does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TenantList } from '../../../../common/contract';
import { useTenantsStore } from '../../../../renderer/stores/tenants';
import { installScriptedBridge, ok, type FakeBridge } from '../../../fakes/bridge';

const list = (activeTenantId: string | null): TenantList => ({
  activeTenantId,
  tenants: [],
  oauthApps: [],
  notice: null,
});

let bridge: FakeBridge;
let answer: TenantList;
const initial = useTenantsStore.getState();

beforeEach(() => {
  answer = list(null);
  bridge = installScriptedBridge({ 'tenants.list': () => ok(answer) });
});
afterEach(() => useTenantsStore.setState(initial, true));

describe('tenants store', () => {
  it('keeps the list it has when main sends the same again, and takes a changed one', async () => {
    await useTenantsStore.getState().load();
    const first = useTenantsStore.getState().list;
    expect(first).toEqual(list(null));
    const lists: (TenantList | null)[] = [];
    const stop = useTenantsStore.subscribe((state) => lists.push(state.list));
    const unlisten = useTenantsStore.getState().listen();
    await useTenantsStore.getState().load();
    bridge.push('tenants.changed', list(null));
    expect(useTenantsStore.getState().list).toBe(first);
    expect(lists.every((seen) => seen === first)).toBe(true);
    bridge.push('tenants.changed', list('t2'));
    expect(useTenantsStore.getState().list).toEqual(list('t2'));
    stop();
    unlisten();
  });

  it('connects once: changes count from before the answer, and a second connect asks nothing more', async () => {
    let answer!: (list: TenantList) => void;
    bridge.answers['tenants.list'] = () => new Promise((resolve) => (answer = (sent) => resolve(ok(sent))));
    const connected = useTenantsStore.getState().connect();
    // The active tenant changes while the question is on its way: the header shows it at once.
    bridge.push('tenants.changed', list('t1'));
    expect(useTenantsStore.getState().list).toEqual(list('t1'));
    answer(list('t1'));
    await connected;
    expect(useTenantsStore.getState().connect()).toBe(connected);
    expect(bridge.callsTo('tenants.list')).toHaveLength(1);
    bridge.push('tenants.changed', list('t2'));
    expect(useTenantsStore.getState().list).toEqual(list('t2'));
  });
});
