// Step 1, "Redirect URL": element, instance name, OAuth client, callback door, options and events,
// validated inline; a refused submit focuses the first invalid field and sums up beside the button.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Autocomplete,
  Button,
  Group,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { AppError, ElementPresetView, OAuthAppView } from '../../../common/contract';
import { announce } from '../../stores/announcer';
import { invalidFields } from '../shell/focus';
import { FocusHeading } from '../shell/focus-heading';
import { ActionErrorAlert } from './action-error-alert';
import { CallbackDoorField } from './callback-door-field';
import { ElementConfigurationFields } from './element-configuration-fields';
import { EventsSection } from './events-section';
import type { EventsDraft, FieldErrors, FlowDraft, FlowTarget } from '../../models/flow-draft';
import { FlowTargetNotice } from './flow-target-notice';
import { OAuthClientFields } from './oauth-client-fields';

export interface RedirectUrlFormProps {
  draft: FlowDraft;
  errors: FieldErrors;
  presets: ElementPresetView[];
  /** The preset the element key picks (undefined until presets load). */
  preset: ElementPresetView | undefined;
  oauthApps: OAuthAppView[];
  busy: boolean;
  startError: AppError | null;
  /** Set to re-authenticate an existing instance, or for one instance of an import. */
  target: FlowTarget | null;
  onCancelReauth(): void;
  onChange(patch: Partial<FlowDraft>): void;
  onEventsChange(patch: Partial<EventsDraft>): void;
  onChooseApp(app: OAuthAppView | null): void;
  onUseExample(): void;
  /** Resolves once the draft was checked (and sent when it passed). */
  onSubmit(): Promise<void>;
  /** Opens Tenants, where refused secrets are rotated. */
  onOpenTenants(): void;
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Text fz="xs" fw={700} c="dimmed" tt="uppercase" lts={0.6}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function elementHint(preset: ElementPresetView | undefined): string {
  if (!preset) return 'The platform’s key of the element.';
  if (!preset.generic) return `${preset.label}: the customer’s data center comes from the sign-in.`;
  return 'Another OAuth 2 element: add its base URLs if it needs them.';
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** "1 field needs a fix" / "3 fields need a fix": the summary beside the submit button. */
export function problemsSummary(count: number): string {
  return count === 1 ? '1 field needs a fix above.' : `${count} fields need a fix above.`;
}

export function RedirectUrlForm(props: RedirectUrlFormProps) {
  const { draft, errors, presets, preset, oauthApps, busy, startError, target } = props;
  const { onChange, onEventsChange, onChooseApp, onUseExample, onSubmit, onCancelReauth } = props;
  const chosenApp = oauthApps.find((app) => app.id === draft.oauthAppId);
  const example = presets.find((candidate) => candidate.examplePollerConfiguration !== '');
  const form = useRef<HTMLFormElement>(null);
  const problems = Object.keys(errors).length;
  /** Counts checked submits: once one has rendered with problems, the first invalid field takes the focus. */
  const [checks, setChecks] = useState(0);
  const problemsNow = useRef(problems);
  problemsNow.current = problems;
  useEffect(() => {
    if (checks === 0 || problemsNow.current === 0) return;
    invalidFields(form.current)[0]?.focus();
    announce(problemsSummary(problemsNow.current));
  }, [checks]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The rules may load on the first submit, so the refusal is known only once the check resolved.
    void onSubmit().then(() => setChecks((count) => count + 1));
  };
  return (
    <form ref={form} onSubmit={submit} noValidate aria-label="Redirect URL">
      <VisuallyHidden>
        <FocusHeading order={2}>Step 1: Redirect URL</FocusHeading>
      </VisuallyHidden>
      <Stack gap="xl">
        {target && <FlowTargetNotice target={target} onCancelReauth={onCancelReauth} />}
        <FormSection title="Element and instance">
          <SimpleGrid cols={2} spacing="md">
            <Autocomplete
              label="Element key"
              description={elementHint(preset)}
              data={presets.filter((candidate) => !candidate.generic).map((candidate) => candidate.key)}
              value={target?.elementKey || draft.elementKey}
              onChange={(elementKey) => onChange({ elementKey })}
              error={target ? undefined : errors.elementKey}
              readOnly={Boolean(target)}
              required
              spellCheck={false}
              styles={monospace}
            />
            <TextInput
              label="Instance name"
              description="How the instance is listed on the platform."
              placeholder="Acme – Zoho CRM"
              value={target ? target.name : draft.instanceName}
              onChange={(event) => onChange({ instanceName: event.currentTarget.value })}
              error={target ? undefined : errors.instanceName}
              readOnly={Boolean(target)}
              required
            />
          </SimpleGrid>
          {preset?.generic && (
            <ElementConfigurationFields
              keys={preset.suggestedConfigurationKeys}
              values={draft.configuration}
              errors={errors}
              onChange={(configuration) => onChange({ configuration })}
            />
          )}
        </FormSection>

        <FormSection title="OAuth client and callback">
          <OAuthClientFields
            apps={oauthApps}
            oauthAppId={draft.oauthAppId}
            clientId={draft.clientId}
            clientSecret={draft.clientSecret}
            errors={errors}
            onChooseApp={onChooseApp}
            onChange={onChange}
          />
          <CallbackDoorField
            value={draft.callbackUrl}
            error={errors.callbackUrl}
            fromApp={chosenApp?.name}
            onChange={(callbackUrl) => onChange({ callbackUrl })}
          />
        </FormSection>

        <FormSection title="Options">
          <Textarea
            label="Scope"
            description={
              preset && !preset.generic
                ? `The ${preset.label} default; change it only if you must.`
                : undefined
            }
            value={draft.scope}
            onChange={(event) => onChange({ scope: event.currentTarget.value })}
            autosize
            minRows={1}
            maxRows={4}
            spellCheck={false}
            styles={monospace}
          />
          <SimpleGrid cols={2} spacing="md">
            {!target && (
              <TagsInput
                label="Tags"
                description="Press Enter after each tag."
                value={draft.tags}
                onChange={(tags) => onChange({ tags })}
                error={errors.tags}
                clearable
              />
            )}
            <TextInput
              label="State"
              description="Leave empty: the app makes a random one."
              value={draft.state}
              onChange={(event) => onChange({ state: event.currentTarget.value })}
              error={errors.state}
              spellCheck={false}
              styles={monospace}
            />
          </SimpleGrid>
          {!target && (
            <EventsSection
              events={draft.events}
              errors={errors}
              exampleLabel={example ? `Use ${example.label} example` : undefined}
              onChange={onEventsChange}
              onUseExample={onUseExample}
            />
          )}
        </FormSection>

        {startError && (
          <ActionErrorAlert title="The sign-in could not start" error={startError}>
            {startError.code === 'tenant_refused' && (
              <Button size="xs" variant="white" color="red" onClick={props.onOpenTenants}>
                Rotate the secrets in Tenants
              </Button>
            )}
          </ActionErrorAlert>
        )}
        <Group justify="flex-end" wrap="nowrap">
          {problems > 0 && (
            <Text fz="sm" c="red" fw={500} data-testid="form-problems">
              {problemsSummary(problems)}
            </Text>
          )}
          <Button type="submit" size="md" loading={busy} rightSection={<IconArrowRight size={18} />}>
            Get the sign-in link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
