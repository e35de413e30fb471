// The tenants store: main's tenant list (hints only, never a secret), the actions on it, the
// "a flow is pending" question before a switch or removal, and verification results per tenant.
import { create } from 'zustand';
import type {
  AppError,
  OAuthAppSave,
  OAuthAppView,
  Result,
  TenantAdd,
  TenantList,
  TenantUpdate,
  TenantVerification,
  TenantView,
} from '../../common/contract';
import { copiedFlash } from './copied-flash';
import { bridge } from '../bridge';
import { runAction, settle, type ActionHost } from './run-action';
import { useAppStore } from './app';

export type TenantAction =
  'add' | 'update' | 'remove' | 'use' | 'verify' | 'copy' | 'save-app' | 'remove-app' | 'share' | 'join';

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
  /** The app's one connection to the list: its first answer (the first render waits on it, main.tsx). */
  connection: Promise<void> | null;
  /**
   * Follows tenants.changed, then asks for the list, once for the app's life: a change while the answer
   * is on its way is not missed. Later calls (the header, as it mounts) return the same answer.
   */
  connect(): Promise<void>;
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
  /** Writes a team-store tenant's share file where the user chooses; its path, or null. */
  share(id: string): Promise<string | null>;
  /** Adds a teammate's shared tenant (the file's text) over this computer's copy of the store. */
  join(document: string, dir: string): Promise<TenantView | null>;
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
    // The same list again (a change event that repeats what main answered): nothing re-renders.
    if (JSON.stringify(list) === JSON.stringify(get().list)) return;
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

  /** The action host of one tenant (or none): busy and the error go next to that tenant. */
  const on = (id: string | null): ActionHost<TenantAction> => ({
    begin: (action) => set({ busy: { action, id }, actionError: null }),
    end: (action, error) => set({ busy: null, actionError: error && { action, id, error } }),
  });

  /** use/remove: a flow_pending answer becomes the question to the user instead of an error. */
  async function guarded(
    action: 'use' | 'remove',
    id: string,
    call: () => Promise<Result<TenantList>>,
    asked: Pick<FlowQuestion, 'keepActivity'> = {},
  ): Promise<boolean> {
    set({ flowQuestion: null });
    const result = await runAction(
      {
        ...on(id),
        end: (done, error) =>
          error?.code === 'flow_pending'
            ? set({ busy: null, flowQuestion: { action, tenantId: id, message: error.message, ...asked } })
            : on(id).end(done, error),
      },
      action,
      call,
    );
    if (result.ok) receive(result.value);
    return result.ok;
  }

  return {
    list: null,
    connection: null,
    loading: false,
    error: null,
    busy: null,
    actionError: null,
    verifications: {},
    flowQuestion: null,
    copied: null,

    async load() {
      set({ loading: true });
      const result = await settle(() => bridge().tenants.list());
      if (result.ok) receive(result.value);
      set({ loading: false, error: result.ok ? null : result.error });
    },

    listen: () => bridge().on('tenants.changed', (list) => receive(list)),

    connect() {
      const { connection } = get();
      if (connection) return connection;
      get().listen();
      const answered = get().load();
      set({ connection: answered });
      return answered;
    },

    async add(input, verify) {
      const added = await runAction(on(null), 'add', () => bridge().tenants.add(input));
      if (!added.ok) return null;
      if (verify) void get().verify(added.value.id);
      return added.value;
    },

    async update(input, verify) {
      const updated = await runAction(on(input.id), 'update', () => bridge().tenants.update(input));
      if (!updated.ok) return null;
      const { [input.id]: _stale, ...verifications } = get().verifications;
      set({ verifications });
      if (verify) void get().verify(input.id);
      return updated.value;
    },

    remove: (id, abandonPendingFlow, keepActivity = true) =>
      guarded('remove', id, () => bridge().tenants.remove({ id, abandonPendingFlow, keepActivity }), {
        keepActivity,
      }),

    use: (id, abandonPendingFlow) =>
      guarded('use', id, () => bridge().tenants.use({ id, abandonPendingFlow })),

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
      const outcome = await runAction(on(id), 'verify', () => bridge().tenants.verify({ id }));
      if (outcome.ok) set({ verifications: { ...get().verifications, [id]: outcome.value } });
    },

    async copySecret(id, which) {
      const done = await runAction(on(id), 'copy', () => bridge().tenants.copySecret({ id, which }));
      if (done.ok) markCopied({ id, which });
    },

    async saveOAuthApp(input) {
      const saved = await runAction(on(input.id ?? null), 'save-app', () =>
        bridge().tenants.saveOAuthApp(input),
      );
      return saved.ok ? saved.value : null;
    },

    async removeOAuthApp(id) {
      const list = await runAction(on(id), 'remove-app', () => bridge().tenants.removeOAuthApp({ id }));
      if (list.ok) receive(list.value);
      return list.ok;
    },

    async share(id) {
      const shared = await runAction(on(id), 'share', () => bridge().tenants.share({ id }));
      return shared.ok ? shared.value.path : null;
    },

    async join(document, dir) {
      const joined = await runAction(on(null), 'join', () =>
        bridge().tenants.join({ document, dir: dir.trim() || undefined }),
      );
      if (!joined.ok) return null;
      await get().load();
      return joined.value;
    },

    clearActionError: () => set({ actionError: null }),
  };
});
