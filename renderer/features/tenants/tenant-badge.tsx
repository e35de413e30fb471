// The active tenant in the header on every screen (name and colour, also in the window title),
// with a menu to switch; a pending flow makes the switch ask first. The menu and the question are
// parts fetched when first needed (parts.tsx).
import { useEffect, useState } from 'react';
import { useAppStore } from '../../stores/app';
import { onTenantSwitch } from '../../stores/tenant-switch';
import { activeTenantOf, useTenantsStore } from '../../stores/tenants';
import { FlowQuestionModal, TenantMenu } from '../../parts';
import { useNeededOnce } from '../shell/lazy-part';
import { TenantButton } from './tenant-button';

export const APP_TITLE = 'Element Authenticator';

// Why a switch was refused says nothing once another tenant is active: dropped in the very update
// that changes the header, so no frame shows it beside the new tenant.
onTenantSwitch(() => useAppStore.getState().dropSwitchNotices());

export function TenantBadge() {
  const { list, connect, use: switchTo, flowQuestion, answerFlowQuestion, actionError } = useTenantsStore();
  const go = useAppStore((state) => state.go);
  const notify = useAppStore((state) => state.notify);
  const active = activeTenantOf(list);
  const activeName = active?.name ?? null;
  /** The menu's code comes with the first click on the button (parts.tsx). */
  const [menuWanted, setMenuWanted] = useState(false);
  const questionAsked = useNeededOnce(flowQuestion !== null);

  // Connected once for the app's life (usually already, before the first render: main.tsx).
  useEffect(() => void connect(), [connect]);

  useEffect(() => {
    document.title = activeName ? `${activeName} — ${APP_TITLE}` : APP_TITLE;
  }, [activeName]);

  useEffect(() => {
    if (actionError?.action === 'use') {
      notify({
        level: 'error',
        message: `The tenant was not switched. ${actionError.error.message}`,
        untilSwitch: true,
      });
    }
  }, [actionError, notify]);

  const tenants = list?.tenants ?? [];
  return (
    <>
      {menuWanted ? (
        <TenantMenu
          fallback={<TenantButton active={active} />}
          active={active}
          tenants={tenants}
          onUse={(id) => void switchTo(id)}
          onManage={() => go('tenants')}
        />
      ) : (
        <TenantButton active={active} onClick={() => setMenuWanted(true)} />
      )}
      {questionAsked && (
        <FlowQuestionModal question={flowQuestion} onAnswer={(proceed) => void answerFlowQuestion(proceed)} />
      )}
    </>
  );
}
