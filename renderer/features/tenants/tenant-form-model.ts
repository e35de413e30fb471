// The tenant form as data: the draft (secrets typed in, never prefilled), its validation in the
// user's words, and the exact tenants.add / tenants.update payloads it becomes.
import type { TenantAdd, TenantEnvironment, TenantUpdate, TenantView } from '../../../common/contract';
import { teamStoreDirProblem, teamStoreEntryProblem, tenantNameProblem } from '../../../common/field-rules';
import { parseUrl, remoteUrlProblem } from '../../../common/urls';

export interface TenantDraft {
  name: string;
  environment: TenantEnvironment;
  customUrl: string;
  color: string | null;
  /** Typed by the user; empty on an edit means "keep the stored one". */
  orgSecret: string;
  userSecret: string;
  /** Check the secrets with the platform after saving. */
  verify: boolean;
  /** Where a new tenant's secrets live: this computer's keychain, or a team `pass` store. */
  secretsIn: 'keychain' | 'team';
  storeDir: string;
  storeEntry: string;
}

export type TenantField = 'name' | 'customUrl' | 'orgSecret' | 'userSecret' | 'storeDir' | 'storeEntry';
export type TenantFieldErrors = Partial<Record<TenantField, string>>;

/** The colour swatches a tenant can wear in the header: distinct at a glance, fine in light and dark. */
export const TENANT_COLORS = [
  { value: '#1c7ed6', name: 'Blue' },
  { value: '#2f9e44', name: 'Green' },
  { value: '#e8590c', name: 'Orange' },
  { value: '#c2255c', name: 'Pink' },
  { value: '#7048e8', name: 'Violet' },
  { value: '#0c8599', name: 'Teal' },
  { value: '#f08c00', name: 'Amber' },
  { value: '#495057', name: 'Grey' },
] as const;

export function emptyTenantDraft(): TenantDraft {
  return {
    name: '',
    environment: 'us',
    customUrl: '',
    color: null,
    orgSecret: '',
    userSecret: '',
    verify: true,
    secretsIn: 'keychain',
    storeDir: '~/.password-store',
    storeEntry: '',
  };
}

/** An existing tenant as a draft: its settings, and empty secret fields (the renderer never has them). */
export function draftOf(tenant: TenantView): TenantDraft {
  return {
    name: tenant.name,
    environment: tenant.environment,
    customUrl: tenant.environment === 'custom' ? tenant.baseUrl : '',
    color: tenant.color,
    orgSecret: '',
    userSecret: '',
    verify: true,
    secretsIn: tenant.teamStore ? 'team' : 'keychain',
    storeDir: tenant.teamStore?.dir ?? '',
    storeEntry: tenant.teamStore?.entry ?? '',
  };
}

export function platformUrlProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Enter the platform URL, e.g. https://ce.example.com/elements/api-v2.';
  const url = parseUrl(text);
  if (!url) return 'This is not a URL. It looks like https://ce.example.com/elements/api-v2.';
  if (url.search || url.hash) return 'The platform URL has no query (?…) or fragment (#…).';
  return remoteUrlProblem(text, 'The platform URL');
}

/** What is wrong with the draft, field by field; an empty object when it can be saved. */
export function validateTenantDraft(
  draft: TenantDraft,
  tenants: TenantView[],
  editing: TenantView | null,
): TenantFieldErrors {
  const errors: TenantFieldErrors = {};
  const name = draft.name.trim();
  const taken = tenants.find(
    (tenant) =>
      tenant.id !== editing?.id && tenant.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  const nameProblem = tenantNameProblem(draft.name);
  if (nameProblem) errors.name = nameProblem;
  else if (taken) errors.name = `A tenant named “${taken.name}” already exists.`;
  if (draft.environment === 'custom') {
    const problem = platformUrlProblem(draft.customUrl);
    if (problem) errors.customUrl = problem;
  }
  // Stored secrets are only sent to the platform they were entered for (main enforces it too).
  const update = editing ? toTenantUpdate(draft, editing) : null;
  const moving = update !== null && update.environment !== undefined;
  const again = moving ? ' again: the tenant moves to another platform' : '';
  if ((!editing || moving) && !draft.orgSecret.trim())
    errors.orgSecret = `Enter the organization secret${again}.`;
  if ((!editing || moving) && !draft.userSecret.trim()) errors.userSecret = `Enter the user secret${again}.`;
  if (!editing && draft.secretsIn === 'team') {
    const dirProblem = teamStoreDirProblem(draft.storeDir);
    const entryProblem = teamStoreEntryProblem(draft.storeEntry);
    if (!draft.storeDir.trim()) errors.storeDir = 'Enter the folder of the team store.';
    else if (dirProblem) errors.storeDir = dirProblem;
    if (!draft.storeEntry.trim()) errors.storeEntry = 'Enter the entry path, e.g. customers/acme.';
    else if (entryProblem) errors.storeEntry = entryProblem;
  }
  return errors;
}

export function toTenantAdd(draft: TenantDraft): TenantAdd {
  return {
    name: draft.name.trim(),
    environment: draft.environment,
    ...(draft.environment === 'custom' ? { customUrl: draft.customUrl.trim() } : {}),
    color: draft.color,
    orgSecret: draft.orgSecret.trim(),
    userSecret: draft.userSecret.trim(),
    ...(draft.secretsIn === 'team'
      ? { teamStore: { dir: draft.storeDir.trim(), entry: draft.storeEntry.trim() } }
      : {}),
  };
}

/** Only what changed; a secret only when one was typed (empty keeps the stored one). */
export function toTenantUpdate(draft: TenantDraft, tenant: TenantView): TenantUpdate {
  const update: TenantUpdate = { id: tenant.id };
  if (draft.name.trim() !== tenant.name) update.name = draft.name.trim();
  if (draft.environment !== tenant.environment) update.environment = draft.environment;
  if (draft.environment === 'custom' && draft.customUrl.trim() !== tenant.baseUrl) {
    update.environment = 'custom';
    update.customUrl = draft.customUrl.trim();
  }
  if (draft.color !== tenant.color) update.color = draft.color;
  if (draft.orgSecret.trim()) update.orgSecret = draft.orgSecret.trim();
  if (draft.userSecret.trim()) update.userSecret = draft.userSecret.trim();
  return update;
}
