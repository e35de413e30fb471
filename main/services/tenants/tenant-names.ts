// The rule for tenant names: NFC, no control, bidi or zero-width characters, a length limit, and a
// warning when a name looks like an existing one (case, spacing or a look-alike letter apart).
import { AppFailure } from '../errors';

export const TENANT_NAME_MAX = 80;

/** Control characters and invisible format characters (bidi overrides, zero-width joiners, BOM, soft hyphen). */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Latin look-alikes of Cyrillic and Greek letters and of digits, as a name is read on screen. */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ү: 'y',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

/** The name to store: NFC and trimmed; refused (invalid_input) when empty, too long or hiding characters. */
export function tenantName(raw: string): string {
  const normalized = raw.normalize('NFC');
  const name = normalized.trim();
  if (!name) throw new AppFailure('invalid_input', 'Give the tenant a name.');
  if (HIDDEN.test(normalized)) {
    throw new AppFailure(
      'invalid_input',
      'A tenant name cannot contain control characters, line breaks, text-direction marks or invisible characters. Type it again.',
    );
  }
  if ([...name].length > TENANT_NAME_MAX) {
    throw new AppFailure('invalid_input', `A tenant name can be at most ${TENANT_NAME_MAX} characters long.`);
  }
  return name;
}

/** How a name reads: compatibility forms folded, lower case, spaces collapsed, look-alikes mapped. */
function skeleton(name: string): string {
  return [...name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim()]
    .map((char) => LOOKALIKES[char] ?? char)
    .join('');
}

/** The existing name this one could be mistaken for, if any (an identical name is refused elsewhere). */
export function lookalikeOf(name: string, existing: readonly string[]): string | undefined {
  const wanted = skeleton(name);
  return existing.find((other) => other !== name && skeleton(other) === wanted);
}

/** The warning the windows (and the CLI) get when a new name looks like an existing one. */
export function lookalikeNotice(name: string, existing: string) {
  return {
    level: 'warning' as const,
    message: `The tenant name “${name}” looks like the tenant “${existing}”. Check that you act on the right customer, or rename one of them.`,
  };
}
