// The "Redirect URL" form's validation: the rules and sentences the contract refines by (common/
// field-rules.ts, common/urls.ts), one per field, so the form says exactly what main would answer.
import type { ElementPresetView } from '../../common/contract';
import {
  callbackUrlFieldProblem,
  elementKeyProblem,
  instanceNameProblem,
  tagsProblem,
} from '../../common/field-rules';
import { httpsUrlProblem, stateProblem } from '../../common/urls';
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
  const ruled = {
    elementKey: elementKeyProblem(draft.elementKey),
    instanceName: instanceNameProblem(draft.instanceName),
    callbackUrl: callbackUrlFieldProblem(draft.callbackUrl),
    state: stateProblem(draft.state),
    tags: tagsProblem(draft.tags),
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
