// The tenants store: main's tenant list (hints only, never a secret), the actions on it, the
// "a flow is pending" question before a switch or removal, and verification results per tenant.
import { create } from 'zustand';
import type {
  AppError,
  OAuthAppSave,
  OAuthAppView,
  TenantAdd,
  TenantList,
  TenantUpdate,
  TenantVerification,
  TenantView,
} from '../../common/contract';
import { copiedFlash } from './copied-flash';
import { bridge, BridgeError, toAppError, unwrap } from '../bridge';
import { useAppStore } from './app';

export type TenantAction =
  'add' | 'update' | 'remove' | 'use' | 'verify' | 'copy' | 'save-app' | 'remove-app';

/** Main said a flow is pending: the UI asks the user before switching or removing. */
export interface FlowQuestion {
  action: 'use' | 'remove';
  tenantId: string;
  message: string;
  /** remove: whether to keep the tenant's activity log. */
  keepActivity?: boolean;
}

interface TenantsState {
  list: TenantList | null;
  loading: boolean;
  error: AppError | null;
  busy: { action: TenantAction; id: string | null } | null;
  /** A call main refused, shown next to what the user did. */
  actionError: { action: TenantAction; id: string | null; error: AppError } | null;
  verifications: Record<string, TenantVerification>;
  flowQuestion: FlowQuestion | null;
  copied: { id: string; which: 'org' | 'user' } | null;
  load(): Promise<void>;
  /** Subscribes to tenants.changed; returns the unsubscribe function. */
  listen(): () => void;
  /** Adds a tenant (then checks its secrets when asked); the new tenant, or null when refused. */
  add(input: TenantAdd, verify: boolean): Promise<TenantView | null>;
  update(input: TenantUpdate, verify: boolean): Promise<TenantView | null>;
  /** True when the tenant is gone; false when refused or when main asks about a pending flow first. */
  remove(id: string, abandonPendingFlow?: boolean, keepActivity?: boolean): Promise<boolean>;
  use(id: string, abandonPendingFlow?: boolean): Promise<boolean>;
  /** The user's answer to the flow question: go ahead (cancelling the flow) or keep things as they are. */
  answerFlowQuestion(proceed: boolean): Promise<void>;
  verify(id: string): Promise<void>;
  copySecret(id: string, which: 'org' | 'user'): Promise<void>;
  saveOAuthApp(input: OAuthAppSave): Promise<OAuthAppView | null>;
  removeOAuthApp(id: string): Promise<boolean>;
  clearActionError(): void;
}

/** The active tenant of a list, or null. */
export function activeTenantOf(list: TenantList | null): TenantView | null {
  return list?.tenants.find((tenant) => tenant.id === list.activeTenantId) ?? null;
}

export const useTenantsStore = create<TenantsState>()((set, get) => {
  const markCopied = copiedFlash<{ id: string; which: 'org' | 'user' }>((copied) => set({ copied }));

  /** Takes a list from main; a recovery notice goes to the app's notices once, then main forgets it. */
  function receive(list: TenantList) {
    set({ list });
    if (!list.notice) return;
    const message = list.notice;
    useAppStore.setState((state) =>
      state.notices.some((notice) => notice.message === message)
        ? state
        : { notices: [...state.notices, { level: 'warning', message }] },
    );
    void bridge().tenants.dismissNotice();
  }

  /** Runs one action: busy → bridge → value, or the envelope's error next to the action. */
  async function act<T>(action: TenantAction, id: string | null, run: () => Promise<T>): Promise<T | null> {
    set({ busy: { action, id }, actionError: null });
    try {
      const value = await run();
      set({ busy: null });
      return value;
    } catch (error) {
      set({ busy: null, actionError: { action, id, error: toAppError(error) } });
      return null;
    }
  }

  /** use/remove: a flow_pending answer becomes the question to the user instead of an error. */
  async function guarded(
    action: 'use' | 'remove',
    id: string,
    run: () => Promise<TenantList>,
    asked: Pick<FlowQuestion, 'keepActivity'> = {},
  ): Promise<boolean> {
    set({ busy: { action, id }, actionError: null, flowQuestion: null });
    try {
      receive(await run());
      set({ busy: null });
      return true;
    } catch (error) {
      if (error instanceof BridgeError && error.error.code === 'flow_pending') {
        set({ busy: null, flowQuestion: { action, tenantId: id, message: error.error.message, ...asked } });
      } else {
        set({ busy: null, actionError: { action, id, error: toAppError(error) } });
      }
      return false;
    }
  }

  return {
    list: null,
    loading: false,
    error: null,
    busy: null,
    actionError: null,
    verifications: {},
    flowQuestion: null,
    copied: null,

    async load() {
      set({ loading: true });
      try {
        receive(await unwrap(bridge().tenants.list()));
        set({ loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: toAppError(error) });
      }
    },

    listen: () => bridge().on('tenants.changed', (list) => receive(list)),

    async add(input, verify) {
      const added = await act('add', null, () => unwrap(bridge().tenants.add(input)));
      if (added && verify) void get().verify(added.id);
      return added;
    },

    async update(input, verify) {
      const updated = await act('update', input.id, () => unwrap(bridge().tenants.update(input)));
      if (updated) {
        const { [updated.id]: _stale, ...verifications } = get().verifications;
        set({ verifications });
        if (verify) void get().verify(updated.id);
      }
      return updated;
    },

    remove: (id, abandonPendingFlow, keepActivity = true) =>
      guarded('remove', id, () => unwrap(bridge().tenants.remove({ id, abandonPendingFlow, keepActivity })), {
        keepActivity,
      }),

    use: (id, abandonPendingFlow) =>
      guarded('use', id, () => unwrap(bridge().tenants.use({ id, abandonPendingFlow }))),

    async answerFlowQuestion(proceed) {
      const question = get().flowQuestion;
      set({ flowQuestion: null });
      if (!question || !proceed) return;
      if (question.action === 'use') await get().use(question.tenantId, true);
      else await get().remove(question.tenantId, true, question.keepActivity);
    },

    async verify(id) {
      const { [id]: _previous, ...rest } = get().verifications;
      set({ verifications: rest });
      const outcome = await act('verify', id, () => unwrap(bridge().tenants.verify({ id })));
      if (outcome) set({ verifications: { ...get().verifications, [id]: outcome } });
    },

    async copySecret(id, which) {
      const done = await act('copy', id, () => unwrap(bridge().tenants.copySecret({ id, which })));
      if (done === null && get().actionError) return;
      markCopied({ id, which });
    },

    saveOAuthApp: (input) =>
      act('save-app', input.id ?? null, () => unwrap(bridge().tenants.saveOAuthApp(input))),

    async removeOAuthApp(id) {
      const list = await act('remove-app', id, () => unwrap(bridge().tenants.removeOAuthApp({ id })));
      if (list) receive(list);
      return list !== null;
    },

    clearActionError: () => set({ actionError: null }),
  };
});
