// The import plan being looked at: asked of main (an export file through main's open dialog, or
// instances of another tenant), target names edited (main plans again), the OAuth client chosen per
// element, then handed to the sign-in queue. A tenant switch closes it: nothing of it stays behind.
import { create } from 'zustand';
import type { AppError, ImportPlanInput, ImportPlanView, OAuthAppView } from '../../common/contract';
import { bridge } from '../bridge';
import { runAction, type ActionHost } from './run-action';
import { useSignInQueueStore } from './sign-in-queue';
import { onTenantSwitch } from './tenant-switch';
import { useTenantsStore } from './tenants';

interface ImportPlanState {
  plan: ImportPlanView | null;
  busy: boolean;
  error: AppError | null;
  /** Target names the user chose, by source id. */
  renames: Record<string, string>;
  /** The target's saved OAuth app per element key; null: typed in the stepper. */
  oauthApps: Record<string, string | null>;
  /** Asks main for a plan; a cancelled file dialog leaves nothing open. */
  open(source: ImportPlanInput['source'], targetTenantId: string): Promise<void>;
  rename(sourceId: number, name: string): Promise<void>;
  chooseApp(elementKey: string, appId: string | null): void;
  /** Hands the plan to the sign-in queue, which opens its first instance. */
  start(): Promise<void>;
  close(): void;
}

const CLOSED = { plan: null, busy: false, error: null, renames: {}, oauthApps: {} };

/** The app to start with for each element: the target's only saved OAuth app, if it has just one. */
function defaultApps(plan: ImportPlanView, apps: readonly OAuthAppView[]): Record<string, string | null> {
  const mine = apps.filter((app) => app.tenantId === plan.targetTenantId);
  const only = mine.length === 1 ? mine[0]!.id : null;
  return Object.fromEntries(plan.items.map((item) => [item.elementKey, only]));
}

let ticket = 0;

export const useImportPlanStore = create<ImportPlanState>()((set, get) => {
  const host: ActionHost<'plan'> = {
    begin: () => set({ busy: true, error: null }),
    end: (_action, error) =>
      set({ busy: false, error: error?.code === 'cancelled' && !get().plan ? null : error }),
    scope: () => ticket,
  };
  onTenantSwitch(() => {
    ticket += 1;
    set(CLOSED);
  });
  return {
    ...CLOSED,
    async open(source, targetTenantId) {
      ticket += 1;
      set(CLOSED);
      const result = await runAction(host, 'plan', () => bridge().imports.plan({ source, targetTenantId }));
      if (!result.ok) return;
      const apps = useTenantsStore.getState().list?.oauthApps ?? [];
      set({ plan: result.value, oauthApps: defaultApps(result.value, apps) });
    },
    async rename(sourceId, name) {
      const { plan } = get();
      if (!plan) return;
      const renames = { ...get().renames, [sourceId]: name };
      const result = await runAction(host, 'plan', () =>
        bridge().imports.replan({ planId: plan.planId, renames }),
      );
      if (result.ok) set({ plan: result.value, renames });
    },
    chooseApp: (elementKey, appId) => set({ oauthApps: { ...get().oauthApps, [elementKey]: appId } }),
    async start() {
      const { plan, oauthApps } = get();
      if (!plan) return;
      set(CLOSED);
      await useSignInQueueStore.getState().startImport(plan, oauthApps);
    },
    close: () => {
      ticket += 1;
      set(CLOSED);
    },
  };
});
