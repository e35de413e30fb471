// The flow store across tenant switches: each tenant keeps its own draft (a typed client secret
// never shows on another), a finished flow of the previous tenant is not shown, and late answers are dropped.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView, Result, TenantList } from '../../../../common/contract';
import { loadDraftRules, useFlowStore } from '../../../../renderer/stores/flow';
import { useTenantsStore } from '../../../../renderer/stores/tenants';
import { installScriptedBridge, ok, type FakeBridge } from '../../../fakes/bridge';
import { TWO_TENANTS } from '../../../fakes/tenants-bridge';

const ACME_SECRET = 'acme-client-secret-7QX';
const acmeBase = { flowId: 'f-acme', tenantId: 't-acme', tenantName: 'Acme', instanceName: 'Acme CRM' };

const activate = (id: string) =>
  useTenantsStore.setState({ list: { ...TWO_TENANTS, activeTenantId: id } satisfies TenantList });

/** An answer the test releases when it wants: the call stays in flight until then. */
function deferred<T>() {
  let release: (value: Result<T>) => void = () => {};
  const answer = new Promise<Result<T>>((resolve) => (release = resolve));
  return { answer: () => answer, release };
}

let bridge: FakeBridge;
// As in the app, which fetches the form's rules while idle after it starts.
beforeAll(() => loadDraftRules());

beforeEach(() => {
  useTenantsStore.setState(useTenantsStore.getInitialState(), true);
  useFlowStore.setState(useFlowStore.getInitialState(), true);
  bridge = installScriptedBridge({ 'flow.reset': () => ok({ step: 'idle' }) });
  activate('t-acme');
});

describe('the flow store across tenants', () => {
  it('keeps each tenant’s draft to itself; the typed client secret stays with its tenant', () => {
    useFlowStore
      .getState()
      .updateDraft({ instanceName: 'Acme CRM', clientId: 'acme-id', clientSecret: ACME_SECRET });

    activate('t-globex');
    const globex = useFlowStore.getState();
    expect(globex.tenantId).toBe('t-globex');
    expect(globex.draft).toMatchObject({ instanceName: '', clientId: '', clientSecret: '' });
    expect(JSON.stringify(globex.draft)).not.toContain(ACME_SECRET);

    useFlowStore.getState().updateDraft({ instanceName: 'Globex CRM' });
    activate('t-acme');
    expect(useFlowStore.getState().draft).toMatchObject({
      instanceName: 'Acme CRM',
      clientSecret: ACME_SECRET,
    });
    activate('t-globex');
    expect(useFlowStore.getState().draft.instanceName).toBe('Globex CRM');
  });

  it('does not show a finished flow of the previous tenant, and drops one pushed after the switch', () => {
    const done: FlowView = {
      step: 'done',
      ...acmeBase,
      reauthenticated: false,
      instance: {
        id: 7,
        name: 'Acme CRM',
        elementKey: 'zohocrmv2',
        createdDate: '2024-05-17',
        tokenHint: '••••EHU=',
      },
    };
    useFlowStore.getState().listen();
    bridge.push('flow.changed', done);
    expect(useFlowStore.getState().view.step).toBe('done');

    activate('t-globex');
    expect(useFlowStore.getState().view).toEqual({ step: 'idle' });
    bridge.push('flow.changed', { step: 'cancelled', ...acmeBase });
    expect(useFlowStore.getState().view).toEqual({ step: 'idle' });
  });

  it('drops the answer to a start asked on the previous tenant: no error or panel of Acme under Globex', async () => {
    const start = deferred<FlowView>();
    bridge.answers['flow.start'] = start.answer;
    useFlowStore.getState().updateDraft({
      instanceName: 'Acme CRM',
      clientId: 'acme-id',
      clientSecret: ACME_SECRET,
      callbackUrl: 'http://127.0.0.1:53682/cb',
    });
    const starting = useFlowStore.getState().start('t-acme');
    expect(useFlowStore.getState().busy).toBe('start');

    activate('t-globex');
    expect(useFlowStore.getState().busy).toBeNull();
    start.release({
      ok: false,
      error: { code: 'tenant_refused', message: 'The platform refused the secrets of Acme.' },
    });
    await starting;
    expect(useFlowStore.getState()).toMatchObject({ busy: null, actionError: null, view: { step: 'idle' } });
  });

  it('refuses to start for a tenant other than the one whose form it holds', async () => {
    useFlowStore
      .getState()
      .updateDraft({ instanceName: 'Acme CRM', clientId: 'acme-id', clientSecret: ACME_SECRET });
    await useFlowStore.getState().start('t-globex');
    expect(bridge.callsTo('flow.start')).toEqual([]);
  });

  it('gives re-authenticate a fresh form: a finished panel goes at once and main resets the flow', async () => {
    useFlowStore.getState().listen();
    bridge.push('flow.changed', { step: 'cancelled', ...acmeBase });
    const fresh = useFlowStore.getState().freshForm();
    expect(useFlowStore.getState().view).toEqual({ step: 'idle' });
    await fresh;
    expect(bridge.callsTo('flow.reset')).toHaveLength(1);
  });

  it('leaves a flow that waits for the user alone when asked for a fresh form', async () => {
    useFlowStore.getState().listen();
    bridge.push('flow.changed', { step: 'lost-response', ...acmeBase });
    await useFlowStore.getState().freshForm();
    expect(useFlowStore.getState().view.step).toBe('lost-response');
    expect(bridge.callsTo('flow.reset')).toEqual([]);
  });
});
