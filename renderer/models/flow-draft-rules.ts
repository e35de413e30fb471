// The "Redirect URL" form's validation: the contract's own rules and sentences (one per field), so the
// form says exactly what main would answer. Its zod schemas load apart from the first screen (stores/flow).
import { fieldProblem, FlowStartSchema, type ElementPresetView } from '../../common/contract';
import { httpsUrlProblem } from '../../common/urls';
import type { EventsDraft, FieldErrors, FlowDraft } from './flow-draft';
import { pollerConfigurationProblem } from './poller-json';

function eventsErrors(events: EventsDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!events.enabled) return errors;
  const minutes = Number(events.refreshIntervalMinutes);
  if (events.refreshIntervalMinutes === '' || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    errors['events.refreshIntervalMinutes'] = 'Use whole minutes between 1 and 1440.';
  }
  if (events.vendorType === 'polling' || events.pollerConfiguration.trim() !== '') {
    const problem = pollerConfigurationProblem(events.pollerConfiguration);
    if (problem) errors['events.pollerConfiguration'] = problem;
  }
  if (events.notificationCallbackUrl.trim() !== '') {
    const problem = httpsUrlProblem(events.notificationCallbackUrl);
    if (problem) errors['events.notificationCallbackUrl'] = problem;
  }
  return errors;
}

/** Every problem of the draft, one sentence per field; empty when it can be sent. */
export function validateDraft(draft: FlowDraft, preset: ElementPresetView | undefined): FieldErrors {
  const errors: FieldErrors = {};
  // The contract's own rules and sentences: the form says exactly what main would answer.
  const fields = FlowStartSchema.shape;
  const ruled = {
    elementKey: fieldProblem(fields.elementKey, draft.elementKey),
    instanceName: fieldProblem(fields.instanceName, draft.instanceName),
    callbackUrl: fieldProblem(fields.callbackUrl, draft.callbackUrl),
    state: draft.state.trim() === '' ? null : fieldProblem(fields.state, draft.state),
    tags: fieldProblem(fields.tags, draft.tags),
  };
  for (const [field, problem] of Object.entries(ruled)) if (problem) errors[field] = problem;
  if (draft.oauthAppId === null) {
    if (draft.clientId.trim() === '')
      errors.clientId = 'Enter the OAuth client id from the vendor’s console.';
    if (draft.clientSecret.trim() === '') errors.clientSecret = 'Enter the OAuth client secret.';
  }
  if (preset?.generic) {
    for (const key of preset.suggestedConfigurationKeys) {
      const value = draft.configuration[key]?.trim() ?? '';
      const problem = value === '' ? null : httpsUrlProblem(value);
      if (problem) errors[`configuration.${key}`] = problem;
    }
  }
  return { ...errors, ...eventsErrors(draft.events) };
}
