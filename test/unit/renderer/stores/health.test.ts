// The health store over a scripted bridge: it opens on the kept board, follows main's progress
// while a run is on, asks main to cancel, exports the shown rows, and says why a run was refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthBoard, HealthProgress } from '../../../../common/contract';
import { useHealthStore } from '../../../../renderer/stores/health';
import { installScriptedBridge, ok, type FakeBridge } from '../../../fakes/bridge';

const board = (checked: number): HealthBoard => ({
  running: false,
  tenants: [
    {
      tenantId: 't1',
      tenantName: 'Acme',
      color: null,
      runs: [{ startedAt: 1, finishedAt: 2, checked, total: checked, failing: 0, cancelled: false }],
      problem: null,
      results: [],
    },
  ],
});

const progress: HealthProgress = {
  checked: 3,
  total: 10,
  failing: 1,
  tenantsLeft: 0,
  startedAt: 1,
  etaMs: 7000,
  done: false,
};

let bridge: FakeBridge;
const initial = useHealthStore.getState();

beforeEach(() => {
  bridge = installScriptedBridge({ 'health.board': () => ok(board(1)) });
});
afterEach(() => useHealthStore.setState(initial, true));

describe('health store', () => {
  it('loads the kept board', async () => {
    await useHealthStore.getState().load();
    expect(useHealthStore.getState().board).toEqual(board(1));
  });

  it('runs the picked tenants, shows progress pushed by main, and ends on the new board', async () => {
    let finish!: () => void;
    bridge.answers['health.run'] = () => new Promise((resolve) => (finish = () => resolve(ok(board(10)))));
    bridge.answers['health.cancel'] = () => ok(null);
    const unsubscribe = useHealthStore.getState().listen();
    useHealthStore.getState().pick(['t1']);
    const running = useHealthStore.getState().run();
    expect(useHealthStore.getState().running).toBe(true);
    bridge.push('health.progress', progress);
    expect(useHealthStore.getState().progress).toEqual(progress);
    await useHealthStore.getState().cancel();
    expect(bridge.callsTo('health.cancel')).toHaveLength(1);
    expect(useHealthStore.getState().cancelling).toBe(true);
    finish();
    await running;
    expect(bridge.callsTo('health.run')).toEqual([{ tenants: ['t1'] }]);
    expect(useHealthStore.getState()).toMatchObject({ running: false, cancelling: false, board: board(10) });
    unsubscribe();
  });

  it('says why main refused a run and shows the kept board again', async () => {
    bridge.answers['health.run'] = () => ({
      ok: false,
      error: { code: 'health_running', message: 'A health check is already running.' },
    });
    await useHealthStore.getState().run();
    expect(useHealthStore.getState().actionError).toEqual({
      action: 'run',
      error: { code: 'health_running', message: 'A health check is already running.' },
    });
    expect(useHealthStore.getState().board).toEqual(board(1));
  });

  it('exports the rows the filters show; a cancelled save dialog is no error', async () => {
    bridge.answers['health.export'] = () => ok({ path: '/tmp/h.csv', count: 2 });
    useHealthStore.getState().setTenantFilter(['t1']);
    useHealthStore.getState().setOutcomeFilter(['token_refused']);
    await useHealthStore.getState().exportBoard('csv');
    expect(bridge.callsTo('health.export')).toEqual([
      { format: 'csv', tenantIds: ['t1'], outcomes: ['token_refused'] },
    ]);
    expect(useHealthStore.getState().exported).toEqual({ path: '/tmp/h.csv', count: 2 });
    bridge.answers['health.export'] = () => ({
      ok: false,
      error: { code: 'cancelled', message: 'No file.' },
    });
    await useHealthStore.getState().exportBoard('json');
    expect(useHealthStore.getState().actionError).toBeNull();
  });
});
