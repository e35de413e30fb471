// Samples what the page shows on every animation frame after an action (a tenant switch): the
// header's tenant, the visible text and every field's value, so a test can check each frame.
import type { Page } from 'playwright-core';

export interface Frame {
  /** The tenant the header names in this frame. */
  header: string;
  /** The stepper's "acting on" tenant, when the stepper shows. */
  actingOn: string;
  /** What is visible (innerText) plus the value of every input and textarea. */
  shown: string;
}

declare global {
  interface Window {
    __frames?: Frame[];
  }
}

/** Starts sampling on every frame for `frames` frames; read them with `framesSampled`. */
export async function sampleFrames(page: Page, frames: number): Promise<void> {
  await page.evaluate((count) => {
    const seen: Frame[] = [];
    window.__frames = seen;
    const tick = () => {
      const fields = [
        ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
      ];
      seen.push({
        header: document.querySelector('[data-testid="active-tenant"]')?.textContent?.trim() ?? '',
        actingOn: document.querySelector('[data-testid="acting-on"]')?.textContent ?? '',
        shown: `${document.body.innerText}\n${fields.map((field) => field.value).join('\n')}`,
      });
      if (seen.length < count) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, frames);
}

/** The frames sampled, once all of them are in. */
export async function framesSampled(page: Page, frames: number): Promise<Frame[]> {
  await page.waitForFunction((count) => (window.__frames?.length ?? 0) >= count, frames, { timeout: 30_000 });
  return page.evaluate(() => window.__frames ?? []);
}

/**
 * Switches the active tenant from the header menu while sampling every frame, and returns the
 * frames in which the header already names `to`.
 */
export async function switchWatching(page: Page, to: string, frames = 90): Promise<Frame[]> {
  await page.getByTestId('active-tenant').click();
  await page.getByRole('menuitem', { name: to }).waitFor();
  await sampleFrames(page, frames);
  await page.getByRole('menuitem', { name: to }).click();
  return afterHeader(await framesSampled(page, frames), to);
}

/** The frames from the first one whose header names `tenant`. */
export function afterHeader(frames: Frame[], tenant: string): Frame[] {
  const first = frames.findIndex((frame) => frame.header === tenant);
  return first === -1 ? [] : frames.slice(first);
}

/** The markers of the previous tenant that some frame still shows, with the frame's index. */
export function leaks(frames: Frame[], markers: string[]): string[] {
  return frames.flatMap((frame, index) =>
    markers.filter((marker) => frame.shown.includes(marker)).map((marker) => `frame ${index}: ${marker}`),
  );
}
