// Drives the app the way a keyboard-only user does: Tab until focus reaches a named control, arrow
// keys through a radio group, and reads which element has focus (its accessible name, roughly).
import type { Page } from 'playwright-core';

const MAX_TABS = 80;

/** The focused element's name: aria-label, aria-labelledby, its label, or its text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelledBy = element.getAttribute('aria-labelledby');
    const byId = labelledBy
      ? labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const input = element as HTMLInputElement;
    const name =
      element.getAttribute('aria-label') ||
      byId ||
      (input.labels && input.labels[0]?.textContent) ||
      element.textContent ||
      '';
    return name.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; throws when it never does. */
export async function tabTo(page: Page, name: RegExp, backwards = false): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < MAX_TABS; step += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
  }
  throw new Error(`Tab never reached ${name}; focus went through: ${seen.slice(0, 30).join(' | ')}`);
}

/** Presses `key` (an arrow) until the focused control's name matches, as in a radio group. */
export async function arrowTo(page: Page, key: string, name: RegExp, max = 12): Promise<void> {
  for (let step = 0; step < max; step += 1) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${name}`);
}

/** Replaces the focused text field's value by typing. */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
