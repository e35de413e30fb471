// Where focus goes when the page changes under the user: a screen's or step's heading once it renders
// (never behind an open dialog), a form's first invalid field, the opener of an unmounted dialog.
import { useEffect, useRef, useState, type RefObject } from 'react';

/** The attribute that marks a heading (tabIndex -1) as where focus lands when its place appears. */
export const FOCUS_TARGET = 'data-focus-target';
const INVALID = '[aria-invalid="true"]';
const WAIT_MS = 10_000;

/** Not hidden by `display: none` on it or an ancestor (jsdom has no layout: everything counts as shown). */
const isShown = (element: HTMLElement) =>
  typeof element.checkVisibility !== 'function' || element.checkVisibility();

/** An open modal dialog that `target` is not inside: focus must not go behind it. */
function hiddenByDialog(target: Element): boolean {
  return [...document.querySelectorAll('[aria-modal="true"]')].some((dialog) => !dialog.contains(target));
}

/**
 * Focuses the first element matching `selector` inside `container`, unless an open dialog covers
 * it (the dialog keeps the focus); false when there is no such element.
 */
export function focusFirst(container: ParentNode | null, selector: string): boolean {
  // Only a shown element counts: a heading hidden by `display: none` is no place for the focus.
  const target = [...(container?.querySelectorAll<HTMLElement>(selector) ?? [])].find(isShown);
  if (!target) return false;
  if (!hiddenByDialog(target)) target.focus();
  return true;
}

/** The fields of a form marked invalid (aria-invalid, as Mantine marks a field with an error), in order. */
export function invalidFields(container: ParentNode | null): HTMLElement[] {
  return [...(container?.querySelectorAll<HTMLElement>(INVALID) ?? [])];
}

/**
 * Focuses the focus target inside `container` now or, when it is not rendered yet (a screen's chunk
 * or data still loading), as soon as it appears; unless the user has moved the focus meanwhile.
 */
export function focusTargetSoon(container: HTMLElement | null, selector = `[${FOCUS_TARGET}]`): () => void {
  if (!container || focusFirst(container, selector)) return () => {};
  const from = document.activeElement;
  const observer = new MutationObserver(() => {
    if (document.activeElement !== from || focusFirst(container, selector)) stop();
  });
  const timer = setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(container, { childList: true, subtree: true });
  return stop;
}

/**
 * Moves focus to the focus target (or `selector`) inside `ref` each time `key` changes, not on the
 * first render: opening the app leaves focus where the system puts it.
 */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: string, selector?: string): void {
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    return focusTargetSoon(ref.current, selector);
  }, [ref, key, selector]);
}

/**
 * For a dialog that is unmounted rather than closed (Mantine's own focus return never runs then):
 * gives focus back to the element that had it when the dialog mounted, unless focus went elsewhere.
 */
export function useReturnFocusOnUnmount(): void {
  // Read while rendering: by the time effects run, the dialog has already taken the focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      setTimeout(() => {
        const now = document.activeElement;
        const lost = now === null || now === document.body || !now.isConnected;
        if (lost && opener instanceof HTMLElement && opener.isConnected)
          opener.focus({ preventScroll: true });
      });
    };
  }, [opener]);
}

/**
 * After a dialog has closed: when its opener is gone (the first tenant's "Add a tenant" button, a
 * deleted row) focus would be lost on the page body, so it goes to the screen's h1 instead.
 */
export function rescueLostFocus(): void {
  const now = document.activeElement;
  if (now !== null && now !== document.body && now.isConnected) return;
  focusFirst(document.querySelector('main'), 'h1');
}
