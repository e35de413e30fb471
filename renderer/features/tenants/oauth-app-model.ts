// The saved-OAuth-app form as data: the draft (client secret typed in, never prefilled), its
// validation with the stepper's callback rules, and the tenants.saveOAuthApp payload.
import type { OAuthAppSave, OAuthAppView } from '../../../common/contract';
import { APP_CALLBACK_URL, callbackUrlProblem } from '../../../common/urls';

export interface OAuthAppDraft {
  name: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  scope: string;
}

export type OAuthAppFieldErrors = Partial<Record<keyof OAuthAppDraft, string>>;

export function emptyOAuthAppDraft(): OAuthAppDraft {
  return { name: '', clientId: '', clientSecret: '', callbackUrl: APP_CALLBACK_URL, scope: '' };
}

export function oauthAppDraftOf(app: OAuthAppView): OAuthAppDraft {
  return {
    name: app.name,
    clientId: app.clientId,
    clientSecret: '',
    callbackUrl: app.callbackUrl,
    scope: app.scope ?? '',
  };
}

/** Field by field what is wrong; `others` are the tenant's other apps (names are unique per tenant). */
export function validateOAuthAppDraft(
  draft: OAuthAppDraft,
  others: OAuthAppView[],
  editing: OAuthAppView | null,
): OAuthAppFieldErrors {
  const errors: OAuthAppFieldErrors = {};
  const name = draft.name.trim().toLocaleLowerCase();
  if (!name) errors.name = 'Give the app a name, e.g. “Zoho production”.';
  else if (others.some((app) => app.id !== editing?.id && app.name.trim().toLocaleLowerCase() === name)) {
    errors.name = 'This tenant already has an app with that name.';
  }
  if (!draft.clientId.trim()) errors.clientId = 'Enter the client id from the vendor’s API console.';
  if (!editing && !draft.clientSecret.trim()) errors.clientSecret = 'Enter the client secret.';
  const callback = callbackUrlProblem(draft.callbackUrl);
  if (callback) errors.callbackUrl = callback;
  return errors;
}

export function toOAuthAppSave(
  draft: OAuthAppDraft,
  tenantId: string,
  editing: OAuthAppView | null,
): OAuthAppSave {
  return {
    ...(editing ? { id: editing.id } : {}),
    tenantId,
    name: draft.name.trim(),
    clientId: draft.clientId.trim(),
    ...(draft.clientSecret.trim() ? { clientSecret: draft.clientSecret.trim() } : {}),
    callbackUrl: draft.callbackUrl.trim(),
    scope: draft.scope.trim(),
  };
}
