// The flow store: the FlowView main pushes (main is the source of truth), the "Redirect URL" form
// draft of each tenant with its validation, and the stepper's actions; nothing crosses a tenant switch.
import { create } from 'zustand';
import type { AppError, ElementPresetView, FlowView, OAuthAppView, Result } from '../../common/contract';
import { FLOW_STEPS } from '../../common/flow-steps';
import { copiedFlash } from './copied-flash';
import { bridge } from '../bridge';
import { runAction, settle, type ActionHost } from './run-action';
import { activeTenantId, onTenantSwitch } from './tenant-switch';
import {
  effectiveDraft,
  emptyDraft,
  presetOf,
  toFlowStart,
  withPresetDefaults,
  type EventsDraft,
  type FieldErrors,
  type FlowDraft,
  type FlowTarget,
} from '../models/flow-draft';

type DraftRules = typeof import('../models/flow-draft-rules');
/**
 * The form's rules (flow-draft-rules.ts): not part of the first screen. The app fetches them while idle
 * after it starts (screens.tsx), or the first submit does.
 */
let draftRules: DraftRules | undefined;
export const loadDraftRules = async (): Promise<DraftRules> =>
  (draftRules ??= await import('../models/flow-draft-rules'));

export type FlowAction =
  'load' | 'start' | 'paste' | 'cancel' | 'adopt' | 'reset' | 'open' | 'copy-url' | 'copy-token';
export type Copied = 'auth-url' | 'token' | null;

/** A tenant's form as the user left it when switching away; it comes back only on that tenant. */
interface ParkedForm {
  draft: FlowDraft;
  fieldErrors: FieldErrors;
  submitted: boolean;
}

interface FlowState {
  view: FlowView;
  /** The step (0 Redirect URL, 1 Authenticate users, 2 Authenticate instance, 3 done) last reached. */
  reachedStep: number;
  presets: ElementPresetView[];
  /** The tenant whose form `draft` is; the other tenants' forms wait in `parked`. */
  tenantId: string | null;
  draft: FlowDraft;
  parked: Record<string, ParkedForm>;
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
  start(tenantId: string, target?: FlowTarget | null): Promise<void>;
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
  /** A fresh form for a new start (re-authenticate): a finished, failed or cancelled panel goes first. */
  freshForm(): Promise<void>;
}

const IDLE: FlowView = { step: 'idle' };

const flowIdOf = (view: FlowView): string | null => (view.step === 'idle' ? null : view.flowId);

/** A view arriving late (a call's answer after a newer push of the same flow) must not step back. */
function isStale(current: FlowView, next: FlowView): boolean {
  const id = flowIdOf(next);
  return (
    id !== null && id === flowIdOf(current) && FLOW_STEPS[next.step].rank < FLOW_STEPS[current.step].rank
  );
}

/** Done, failed or cancelled: nothing runs and nothing waits for the user's decision. */
const isFinished = (view: FlowView) =>
  view.step !== 'idle' && !FLOW_STEPS[view.step].running && !FLOW_STEPS[view.step].blocksTenantChange;

/**
 * A finished flow of another tenant is not shown: the stepper shows the active tenant's form.
 * (A flow still running or waiting keeps its tenant active: main asks before any switch.)
 */
function visibleOn(view: FlowView, tenantId: string | null): FlowView {
  return tenantId !== null && view.step !== 'idle' && view.tenantId !== tenantId && isFinished(view)
    ? IDLE
    : view;
}

/** A new tenant's form: the empty draft with the element preset's defaults, no typed secret. */
function freshDraft(presets: readonly ElementPresetView[]): FlowDraft {
  const draft = emptyDraft();
  const preset = presetOf(presets, draft.elementKey);
  return preset ? withPresetDefaults(draft, preset) : draft;
}

export const useFlowStore = create<FlowState>()((set, get) => {
  const show = (pushed: FlowView) =>
    set((state) => {
      const view = visibleOn(pushed, activeTenantId());
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

  const host: ActionHost<FlowAction> = {
    begin: (action) => set({ busy: action, actionError: null }),
    end: (action, error) => set({ busy: null, actionError: error && { action, error } }),
    scope: () => get().tenantId,
  };
  /** A call answering with the flow's view: shown, unless the tenant changed meanwhile. */
  const run = async (action: FlowAction, call: () => Promise<Result<FlowView>>) => {
    const result = await runAction(host, action, call);
    if (result.ok) show(result.value);
  };
  /** A call answering null (open, copy): true when it succeeded on the tenant still shown. */
  const runQuiet = async (action: FlowAction, call: () => Promise<Result<null>>) =>
    (await runAction(host, action, call)).ok;

  const copied = copiedFlash<Exclude<Copied, null>>((what) => set({ copied: what }));

  // Once submitted, the rules are there: the submit loaded them.
  const revalidate = (draft: FlowDraft) =>
    get().submitted && draftRules
      ? { fieldErrors: draftRules.validateDraft(draft, presetOf(get().presets, draft.elementKey)) }
      : {};

  onTenantSwitch((next, previous) =>
    set((state) => {
      if (previous === undefined && (state.tenantId === null || state.tenantId === next)) {
        return { tenantId: next, view: visibleOn(state.view, next) };
      }
      const parked = { ...state.parked };
      if (state.tenantId !== null) {
        const { draft, fieldErrors, submitted } = state;
        parked[state.tenantId] = { draft, fieldErrors, submitted };
      }
      const mine = next === null ? undefined : parked[next];
      if (next !== null) delete parked[next];
      const view = visibleOn(state.view, next);
      return {
        tenantId: next,
        parked,
        draft: mine?.draft ?? freshDraft(state.presets),
        fieldErrors: mine?.fieldErrors ?? {},
        submitted: mine?.submitted ?? false,
        view,
        reachedStep: view === state.view ? state.reachedStep : 0,
        busy: null,
        actionError: null,
        pasteUrl: '',
        copied: null,
      };
    }),
  );

  return {
    view: IDLE,
    reachedStep: 0,
    presets: [],
    tenantId: activeTenantId(),
    draft: emptyDraft(),
    parked: {},
    fieldErrors: {},
    submitted: false,
    busy: null,
    actionError: null,
    pasteUrl: '',
    copied: null,

    async load() {
      const tenantId = get().tenantId;
      const [view, presets] = await Promise.all([
        settle(() => bridge().flow.get()),
        settle(() => bridge().flow.presets()),
      ]);
      if (view.ok) show(view.value);
      if (presets.ok) {
        const preset = presetOf(presets.value, get().draft.elementKey);
        set((state) => ({
          presets: presets.value,
          draft: preset ? withPresetDefaults(state.draft, preset) : state.draft,
        }));
      }
      const failed = !view.ok ? view : !presets.ok ? presets : null;
      if (failed && get().tenantId === tenantId)
        set({ actionError: { action: 'load', error: failed.error } });
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
      if (tenantId !== get().tenantId) return;
      const { validateDraft } = draftRules ?? (await loadDraftRules());
      if (tenantId !== get().tenantId) return;
      const { presets } = get();
      const draft = effectiveDraft(get().draft, target);
      const preset = presetOf(presets, draft.elementKey);
      const fieldErrors = validateDraft(draft, preset);
      set({ submitted: true, fieldErrors });
      if (Object.keys(fieldErrors).length > 0) return;
      await run('start', () =>
        bridge().flow.start({ ...toFlowStart(draft, preset, target), tenant: tenantId }),
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
      await run('paste', () => bridge().flow.paste({ url }));
    },

    cancel: () => run('cancel', () => bridge().flow.cancel()),

    openAuthUrl: async () => void (await runQuiet('open', () => bridge().flow.openAuthUrl())),

    async copyAuthUrl() {
      if (await runQuiet('copy-url', () => bridge().flow.copyAuthUrl())) copied('auth-url');
    },

    async copyToken() {
      if (await runQuiet('copy-token', () => bridge().flow.copyToken())) copied('token');
    },

    adoptCandidate: () => run('adopt', () => bridge().flow.adoptCandidate()),

    backToForm: () => run('reset', () => bridge().flow.reset()),

    async freshForm() {
      if (!isFinished(get().view)) return;
      set({ view: IDLE, reachedStep: 0, submitted: false, fieldErrors: {} });
      await get().backToForm();
    },
  };
});
