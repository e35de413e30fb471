// Drives the stepper in the page the way a consultant does (fill the form, submit, paste) and plays
// the customer's consent against the fake vendor by fetching the opened authorization URL.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface FormValues {
  instanceName: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  tags?: string[];
}

/** A port free right now on 127.0.0.1, for a loopback callback URL. */
export { freePort } from '../../support/free-port';

export async function fillRedirectUrlForm(page: Page, values: FormValues): Promise<void> {
  await page.getByRole('textbox', { name: /^Instance name/ }).fill(values.instanceName);
  await page.getByRole('textbox', { name: /^OAuth client id/ }).fill(values.clientId);
  await page.getByLabel(/^OAuth client secret/).fill(values.clientSecret);
  await page.getByRole('textbox', { name: /^Callback URL/ }).fill(values.callbackUrl);
  const tags = page.getByRole('combobox', { name: /^Tags/ });
  for (const tag of values.tags ?? []) {
    await tags.fill(tag);
    await tags.press('Enter');
  }
}

/** Waits until the panel shows the given flow step (data-step mirrors the FlowView main pushed). */
export async function waitForStep(page: Page, step: string): Promise<void> {
  await expect
    .poll(() => page.getByTestId('flow-panel').getAttribute('data-step'), { timeout: 15_000 })
    .toBe(step);
}

/** The customer approves (or, with &deny=1, declines) at the fake vendor: the redirect's Location. */
export async function playConsent(authUrl: string, extra = ''): Promise<string> {
  const response = await fetch(`${authUrl}${extra}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`consent answered ${response.status}`);
  return location;
}

const SETTLE_MS = 400;

/** A full-page screenshot from the top (the fixed header where it belongs), once transitions settled. */
export async function screenshotFromTop(
  app: { page: Page; screenshot(name: string): Promise<string> },
  name: string,
) {
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.page.waitForTimeout(SETTLE_MS);
  return app.screenshot(name);
}
