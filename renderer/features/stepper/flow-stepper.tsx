// The three steps of the seed (Redirect URL → Authenticate Users → Authenticate Instance) over the flow
// store's FlowView; a step change focuses the new panel's heading and is said in the live region.
import { useRef } from 'react';
import { Paper, Stack, Stepper } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ElementPresetView, FlowView, OAuthAppView } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { useAppStore } from '../../stores/app';
import { useFlowStore, type FlowAction } from '../../stores/flow';
import { useInstancesStore } from '../../stores/instances';
import { useFocusOnChange } from '../shell/focus';
import { ActionErrorAlert } from './action-error-alert';
import { AuthenticateUsersPanel } from './authenticate-users-panel';
import { CreatingPanel } from './creating-panel';
import { FlowCancelledPanel } from './flow-cancelled-panel';
import { useStepAnnouncements } from './flow-announcements';
import { FlowFailurePanel } from './flow-failure-panel';
import { effectiveDraft, presetOf, type FlowTarget } from '../../models/flow-draft';
import { InstanceCreatedPanel } from './instance-created-panel';
import { LostResponsePanel } from './lost-response-panel';
import { RedirectUrlForm } from './redirect-url-form';

const STEPS = [
  { label: 'Redirect URL', description: 'The vendor’s sign-in link' },
  { label: 'Authenticate Users', description: 'The customer signs in' },
  { label: 'Authenticate Instance', description: 'The instance is created' },
];

interface FlowStepperProps {
  /** The tenant the stepper shows and acts on. */
  tenantId: string;
  oauthApps: OAuthAppView[];
  /** An instance to re-authenticate, or one instance of an import; null for a new instance. */
  target: FlowTarget | null;
  onCancelReauth(): void;
}

/** "Europe (eu)" for a Zoho location code, the code itself when no preset names it. */
function dataCenterLabel(presets: ElementPresetView[], location: string | undefined): string | undefined {
  if (!location) return undefined;
  const dataCenter = presets.flatMap((preset) => preset.dataCenters).find((dc) => dc.location === location);
  return dataCenter ? `${dataCenter.label} (${location})` : location;
}

function Panel({ view, tenantId, oauthApps, target, onCancelReauth }: FlowStepperProps & { view: FlowView }) {
  const store = useFlowStore();
  const go = useAppStore((state) => state.go);
  const openInstance = useInstancesStore((state) => state.open);
  const errorOf = (action: FlowAction) =>
    store.actionError?.action === action ? store.actionError.error : null;
  switch (view.step) {
    case 'idle':
    case 'fetching-url':
      return (
        <RedirectUrlForm
          draft={store.draft}
          errors={store.fieldErrors}
          presets={store.presets}
          preset={presetOf(store.presets, effectiveDraft(store.draft, target).elementKey)}
          oauthApps={oauthApps}
          busy={store.busy === 'start' || view.step === 'fetching-url'}
          startError={errorOf('start')}
          target={target}
          onCancelReauth={onCancelReauth}
          onChange={store.updateDraft}
          onEventsChange={store.updateEvents}
          onChooseApp={store.chooseOAuthApp}
          onUseExample={store.useExamplePoller}
          onSubmit={() => store.start(tenantId, target)}
          onOpenTenants={() => go('tenants')}
        />
      );
    case 'awaiting-consent':
      return (
        <AuthenticateUsersPanel
          view={view}
          pasteUrl={store.pasteUrl}
          pasting={store.busy === 'paste'}
          cancelling={store.busy === 'cancel'}
          copied={store.copied === 'auth-url'}
          pasteError={errorOf('paste') ?? errorOf('cancel') ?? errorOf('open') ?? errorOf('copy-url')}
          onPasteUrlChange={store.setPasteUrl}
          onPaste={() => void store.paste()}
          onCopy={() => void store.copyAuthUrl()}
          onOpen={() => void store.openAuthUrl()}
          onCancel={() => void store.cancel()}
        />
      );
    case 'creating':
      return (
        <CreatingPanel
          instanceName={view.instanceName}
          codeExpiresAt={view.codeExpiresAt}
          dataCenter={dataCenterLabel(store.presets, view.dataCenter)}
        />
      );
    case 'done':
      return (
        <InstanceCreatedPanel
          instance={view.instance}
          tenantName={view.tenantName}
          reauthenticated={view.reauthenticated}
          dataCenter={dataCenterLabel(store.presets, view.instance.dataCenter)}
          tokenCopied={store.copied === 'token'}
          copyError={errorOf('copy-token')}
          onCopyToken={() => void store.copyToken()}
          onSeeInstances={() => {
            void openInstance(view.instance.id);
            go('instances');
          }}
          onStartAnother={() => void store.backToForm()}
        />
      );
    case 'lost-response':
      return (
        <LostResponsePanel
          instanceName={view.instanceName}
          candidate={view.candidate}
          message={view.message}
          adopting={store.busy === 'adopt'}
          restarting={store.busy === 'reset'}
          adoptError={errorOf('adopt')}
          onAdopt={() => void store.adoptCandidate()}
          onStartAgain={() => void store.backToForm()}
        />
      );
    case 'failed':
      return (
        <FlowFailurePanel
          error={view.error}
          tenantName={view.tenantName}
          restarting={store.busy === 'reset'}
          onStartAgain={() => void store.backToForm()}
          onOpenTenants={() => go('tenants')}
        />
      );
    case 'cancelled':
      return (
        <FlowCancelledPanel
          instanceName={view.instanceName}
          restarting={store.busy === 'reset'}
          onStartAgain={() => void store.backToForm()}
        />
      );
    default:
      return assertNever(view);
  }
}

export function FlowStepper(props: FlowStepperProps) {
  const view = useFlowStore((state) => state.view);
  const reachedStep = useFlowStore((state) => state.reachedStep);
  const actionError = useFlowStore((state) => state.actionError);
  const general = actionError?.action === 'load' || actionError?.action === 'reset' ? actionError : null;
  const stopped = view.step === 'failed' || view.step === 'cancelled';
  const active = view.step === 'done' ? STEPS.length : reachedStep;
  const panel = useRef<HTMLDivElement>(null);
  useFocusOnChange(panel, view.step);
  useStepAnnouncements(view);
  return (
    <Stack gap="lg">
      <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label="Authentication steps">
        {STEPS.map((step, index) => (
          <Stepper.Step
            key={step.label}
            label={step.label}
            description={step.description}
            loading={index === active && (view.step === 'fetching-url' || view.step === 'creating')}
            allowStepSelect={false}
            {...(stopped && index === active
              ? {
                  color: view.step === 'failed' ? 'red' : 'gray',
                  icon: <IconX size={16} />,
                  progressIcon: <IconX size={16} />,
                }
              : {})}
            data-testid={`step-${index}`}
            aria-current={index === active ? 'step' : undefined}
          />
        ))}
      </Stepper>
      {general && (
        <ActionErrorAlert
          title={
            general.action === 'load'
              ? 'The app could not read the sign-in state'
              : 'The app could not go back to the form'
          }
          error={general.error}
        />
      )}
      <Paper ref={panel} withBorder radius="lg" p="xl" data-testid="flow-panel" data-step={view.step}>
        <Panel view={view} {...props} />
      </Paper>
    </Stack>
  );
}
