// The flow store: the FlowView main pushes (main is the source of truth), the "Redirect URL" form
// draft with its validation, and the async actions of the stepper (loading → bridge → value or error).
import { create } from 'zustand';
import type { AppError, ElementPresetView, FlowView, OAuthAppView } from '../../common/contract';
import { FLOW_STEPS } from '../../common/flow-steps';
import { copiedFlash } from './copied-flash';
import { bridge, toAppError, unwrap } from '../bridge';
import {
  effectiveDraft,
  emptyDraft,
  presetOf,
  toFlowStart,
  validateDraft,
  withPresetDefaults,
  type EventsDraft,
  type FieldErrors,
  type FlowDraft,
  type ReauthTarget,
} from '../models/flow-draft';

export type FlowAction =
  'load' | 'start' | 'paste' | 'cancel' | 'adopt' | 'reset' | 'open' | 'copy-url' | 'copy-token';
export type Copied = 'auth-url' | 'token' | null;

interface FlowState {
  view: FlowView;
  /** The step (0 Redirect URL, 1 Authenticate users, 2 Authenticate instance, 3 done) last reached. */
  reachedStep: number;
  presets: ElementPresetView[];
  draft: FlowDraft;
  fieldErrors: FieldErrors;
  /** After the first submit the field errors follow every edit. */
  submitted: boolean;
  busy: FlowAction | null;
  /** A call main refused (the envelope's error), shown next to what the user did. */
  actionError: { action: FlowAction; error: AppError } | null;
  pasteUrl: string;
  copied: Copied;
  load(): Promise<void>;
  /** Subscribes to flow.changed; returns the unsubscribe function. */
  listen(): () => void;
  updateDraft(patch: Partial<FlowDraft>): void;
  updateEvents(patch: Partial<EventsDraft>): void;
  chooseOAuthApp(app: OAuthAppView | null): void;
  useExamplePoller(): void;
  setPasteUrl(url: string): void;
  /**
   * Validates the draft and starts step 1 on the tenant the stepper shows; with a target,
   * re-authenticates that instance instead of creating one.
   */
  start(tenantId: string, target?: ReauthTarget | null): Promise<void>;
  paste(): Promise<void>;
  cancel(): Promise<void>;
  openAuthUrl(): Promise<void>;
  copyAuthUrl(): Promise<void>;
  copyToken(): Promise<void>;
  adoptCandidate(): Promise<void>;
  /**
   * Back to the form (flow.reset). After a failure or a cancel the draft is as it was; after a
   * success only the instance name is cleared, so the next instance gets its own.
   */
  backToForm(): Promise<void>;
}

const flowIdOf = (view: FlowView): string | null => (view.step === 'idle' ? null : view.flowId);

/** A view arriving late (a call's answer after a newer push of the same flow) must not step back. */
function isStale(current: FlowView, next: FlowView): boolean {
  const id = flowIdOf(next);
  return (
    id !== null && id === flowIdOf(current) && FLOW_STEPS[next.step].rank < FLOW_STEPS[current.step].rank
  );
}

export const useFlowStore = create<FlowState>()((set, get) => {
  const show = (view: FlowView) =>
    set((state) => {
      if (isStale(state.view, view)) return {};
      const reached = FLOW_STEPS[view.step].stepperIndex;
      const leftConsent = state.view.step === 'awaiting-consent' && view.step !== 'awaiting-consent';
      const afterSuccess = state.view.step === 'done' && view.step === 'idle';
      return {
        view,
        reachedStep: reached ?? state.reachedStep,
        ...(leftConsent ? { pasteUrl: '' } : {}),
        ...(afterSuccess
          ? { draft: { ...state.draft, instanceName: '' }, submitted: false, fieldErrors: {} }
          : {}),
      };
    });

  const run = async (action: FlowAction, call: () => Promise<FlowView | null>) => {
    set({ busy: action, actionError: null });
    try {
      const view = await call();
      if (view) show(view);
      set({ busy: null });
      return true;
    } catch (error) {
      set({ busy: null, actionError: { action, error: toAppError(error) } });
      return false;
    }
  };

  const copied = copiedFlash<Exclude<Copied, null>>((what) => set({ copied: what }));

  const revalidate = (draft: FlowDraft) =>
    get().submitted ? { fieldErrors: validateDraft(draft, presetOf(get().presets, draft.elementKey)) } : {};

  return {
    view: { step: 'idle' },
    reachedStep: 0,
    presets: [],
    draft: emptyDraft(),
    fieldErrors: {},
    submitted: false,
    busy: null,
    actionError: null,
    pasteUrl: '',
    copied: null,

    async load() {
      const [view, presets] = await Promise.allSettled([
        unwrap(bridge().flow.get()),
        unwrap(bridge().flow.presets()),
      ]);
      if (view.status === 'fulfilled') show(view.value);
      if (presets.status === 'fulfilled') {
        const preset = presetOf(presets.value, get().draft.elementKey);
        set((state) => ({
          presets: presets.value,
          draft: preset ? withPresetDefaults(state.draft, preset) : state.draft,
        }));
      }
      const failed = [view, presets].find((result) => result.status === 'rejected');
      if (failed) set({ actionError: { action: 'load', error: toAppError(failed.reason) } });
    },

    listen: () => bridge().on('flow.changed', show),

    updateDraft(patch) {
      const { draft, presets } = get();
      let next: FlowDraft = { ...draft, ...patch };
      if (patch.elementKey !== undefined) {
        const before = presetOf(presets, draft.elementKey);
        const after = presetOf(presets, next.elementKey);
        if (after && after !== before) next = withPresetDefaults(next, after, before);
      }
      set({ draft: next, ...revalidate(next) });
    },

    updateEvents(patch) {
      get().updateDraft({ events: { ...get().draft.events, ...patch } });
    },

    chooseOAuthApp(app) {
      const { draft, presets } = get();
      if (!app) {
        get().updateDraft({ oauthAppId: null, clientId: '', clientSecret: '' });
        return;
      }
      get().updateDraft({
        oauthAppId: app.id,
        clientId: app.clientId,
        clientSecret: '',
        callbackUrl: app.callbackUrl,
        scope: app.scope ?? presetOf(presets, draft.elementKey)?.defaultScope ?? draft.scope,
      });
    },

    useExamplePoller() {
      const preset = get().presets.find((candidate) => candidate.examplePollerConfiguration !== '');
      if (preset) get().updateEvents({ pollerConfiguration: preset.examplePollerConfiguration });
    },

    setPasteUrl: (url) => set({ pasteUrl: url }),

    async start(tenantId, target = null) {
      const { presets } = get();
      const draft = effectiveDraft(get().draft, target);
      const preset = presetOf(presets, draft.elementKey);
      const fieldErrors = validateDraft(draft, preset);
      set({ submitted: true, fieldErrors });
      if (Object.keys(fieldErrors).length > 0) return;
      await run('start', () =>
        unwrap(bridge().flow.start({ ...toFlowStart(draft, preset, target), tenant: tenantId })),
      );
    },

    async paste() {
      const url = get().pasteUrl.trim();
      if (url === '') {
        set({
          actionError: {
            action: 'paste',
            error: {
              code: 'invalid_callback',
              message: 'Paste the whole address from the browser’s address bar.',
            },
          },
        });
        return;
      }
      await run('paste', () => unwrap(bridge().flow.paste({ url })));
    },

    cancel: async () => void (await run('cancel', () => unwrap(bridge().flow.cancel()))),

    openAuthUrl: async () => void (await run('open', () => unwrap(bridge().flow.openAuthUrl()))),

    async copyAuthUrl() {
      if (await run('copy-url', () => unwrap(bridge().flow.copyAuthUrl()))) copied('auth-url');
    },

    async copyToken() {
      if (await run('copy-token', () => unwrap(bridge().flow.copyToken()))) copied('token');
    },

    adoptCandidate: async () => void (await run('adopt', () => unwrap(bridge().flow.adoptCandidate()))),

    backToForm: async () => void (await run('reset', () => unwrap(bridge().flow.reset()))),
  };
});
