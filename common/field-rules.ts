// The rules of the fields a user types, in the user's words, without zod: the contract's schemas
// refine by them (main and the CLI refuse with these sentences) and the renderer's forms call them
// as they are, so a form says exactly what main would answer and ships no schema library.
import { callbackUrlProblem } from './urls';

const ENTRY_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const FULL_PATH = /^(~(\/|$)|\/|[A-Za-z]:[\\/])/;
const ELEMENT_KEY = /^[A-Za-z0-9._-]+$/;

/** A name, trimmed: given, and at most `max` characters; null when fine. */
function named(value: string, max: number, missing: string): string | null {
  const name = value.trim();
  if (name === '') return missing;
  return name.length > max ? `Keep the name under ${max} characters.` : null;
}

/** A tenant's name: the customer and environment, 1 to 80 characters. */
export const tenantNameProblem = (value: string): string | null =>
  named(value, 80, 'Give the tenant a name, e.g. the customer and environment.');

/** `value` trimmed, in the rule's sentences: longer than `max`, or not of `pattern`; null when fine. */
function shaped(value: string, max: number, tooLong: string, pattern: RegExp, unlike: string): string | null {
  const text = value.trim();
  if (text.length > max) return tooLong;
  return pattern.test(text) ? null : unlike;
}

/** A team `pass` store's folder: a full path, like ~/.password-store. */
export const teamStoreDirProblem = (value: string): string | null =>
  shaped(
    value,
    1000,
    'Keep the store folder under 1,000 characters.',
    FULL_PATH,
    'The store folder is a full path, like ~/.password-store or /home/you/team-store.',
  );

/** An entry path in a team's store: folder names joined by /, like customers/acme. */
export const teamStoreEntryProblem = (value: string): string | null =>
  shaped(
    value,
    200,
    'Keep the entry path under 200 characters.',
    ENTRY_PATH,
    'An entry path is folder names joined by /, like customers/acme (letters, digits, . _ -).',
  );

/** An element's key: one word, like zohocrmv2. */
export function elementKeyProblem(value: string): string | null {
  if (value.trim() === '') return 'Enter the element key, e.g. zohocrmv2.';
  const oneWord = 'An element key is one word, like zohocrmv2.';
  return shaped(value, 100, oneWord, ELEMENT_KEY, oneWord);
}

/** An instance's name: 1 to 200 characters. */
export const instanceNameProblem = (value: string): string | null =>
  named(value, 200, 'Give the instance a name, e.g. "Acme – Zoho CRM".');

/** Where the vendor sends the user back (common/urls.ts says which URLs can be), at most 2,000 characters. */
export function callbackUrlFieldProblem(value: string): string | null {
  const url = value.trim();
  if (url.length > 2000) return 'Keep the callback URL under 2,000 characters.';
  return callbackUrlProblem(url);
}

/** An instance's tags: at most 50, each a word or a few of at most 100 characters. */
export function tagsProblem(tags: readonly string[]): string | null {
  if (tags.length > 50) return 'Use at most 50 tags.';
  for (const tag of tags) {
    const text = tag.trim();
    if (text === '') return 'Leave out empty tags.';
    if (text.length > 100) return 'Keep each tag under 100 characters.';
  }
  return null;
}
