// A long import plan in Chromium (600 instances copied from staging to production): it opens with only
// the rows in view drawn, and scrolls, opens settings, keeps what is typed and walks by keyboard as a
// plan of three does. Axe and screenshots of the long plan, light and dark, at 1280×800 and 1024×640.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { checkSchemes } from './helpers/axe';
import { focusedName } from './helpers/keyboard';
import { activeTenantOn, tenantOn } from './helpers/tenant-on-fake';

const COUNT = 600;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

let app: AppHarness;
let staging: FakePlatform;
let production: FakePlatform;

beforeAll(async () => {
  staging = await startFakePlatform();
  production = await startFakePlatform();
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  await tenantOn(app, production, 'Acme production');
  staging.seedInstances(COUNT, { namePrefix: 'handover', tags: ['handover'] });
  await activeTenantOn(app, staging, 'Acme staging');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await staging?.close();
  await production?.close();
});

const dialog = () => app.page.getByRole('dialog', { name: 'Import into Acme production' });
const box = () => dialog().getByTestId('import-plan-scroll');
const drawnRows = () => dialog().locator('tbody tr[data-plan-index]');

/** The plan's index of each row drawn. */
const drawnIndexes = () =>
  drawnRows().evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-plan-index'))));

/** Scrolls the plan's box to `top` px (or its end) and waits for the frame that follows. */
async function scrollPlanTo(top: number | 'end'): Promise<void> {
  await box().evaluate(
    (element, to) =>
      new Promise<void>((done) => {
        element.scrollTop = to === 'end' ? element.scrollHeight : to;
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
    top,
  );
}

/** True when `element` lies within the plan box's visible area. */
async function inView(element: Locator): Promise<boolean> {
  const [outer, inner] = await Promise.all([box().boundingBox(), element.boundingBox()]);
  if (!outer || !inner) return false;
  return inner.y >= outer.y - 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

describe('a plan of 600 instances', () => {
  it('opens with the rows in view drawn, and reaches the last one by scrolling', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: /^Instances/ })
      .click();
    await page.getByRole('checkbox', { name: 'Select all shown instances' }).click();
    await page.getByRole('button', { name: 'Copy to tenant…' }).click();
    await page.getByRole('menuitem', { name: 'Acme production' }).click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('import-plan-summary').textContent()).toContain(
      `From Acme staging: ${COUNT} to create, 0 skipped.`,
    );
    // Drawing 600 rows of fields and buttons took seconds; only those in view (and a few more) are.
    const nameFields = dialog().getByRole('textbox', { name: /^Name on the target for/ });
    expect(await nameFields.count()).toBeGreaterThan(3);
    expect(await nameFields.count()).toBeLessThan(40);
    expect(await drawnIndexes()).toContain(0);

    // The box scrolls the whole plan: at its end, the last instance's row is drawn and in view.
    await scrollPlanTo('end');
    const indexes = await drawnIndexes();
    expect(indexes).toContain(COUNT - 1);
    expect(indexes).not.toContain(0);
    expect(await inView(drawnRows().last())).toBe(true);
    await checkSchemes(app, 'Import plan, 600 instances, scrolled to the end', 'import-plan-long', SIZES);
    await scrollPlanTo(0);
    expect(await drawnIndexes()).toContain(0);
  });

  it('keeps a row’s settings open and what is typed in its name while it is scrolled away', async () => {
    const { page } = app;
    const first = drawnRows().first();
    const name = (await first.getByRole('textbox').getAttribute('aria-label'))!;
    const source = /“(.+)”/.exec(name)![1]!;
    await dialog()
      .getByRole('button', { name: `Show settings of “${source}”` })
      .click();
    await scrollPlanTo('end');
    await scrollPlanTo(0);
    expect(
      await dialog()
        .getByRole('button', { name: `Hide settings of “${source}”` })
        .getAttribute('aria-expanded'),
    ).toBe('true');

    // A name being typed (not yet planned again) stays, with the focus, while the wheel scrolls away.
    const field = dialog().getByLabel(name, { exact: true });
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' copy');
    await box().hover();
    for (let turn = 0; turn < 10; turn += 1) await page.mouse.wheel(0, 2_000);
    await expect.poll(async () => (await drawnIndexes()).some((index) => index > 100)).toBe(true);
    expect(await focusedName(page)).toBe(name);
    await scrollPlanTo(0);
    expect(await field.inputValue()).toBe(`${source} copy`);

    // The keyboard goes on from a row scrolled away: from its last control, Tab reaches the next row,
    // which comes into view.
    await dialog()
      .getByRole('button', { name: `Hide settings of “${source}”` })
      .focus();
    for (let turn = 0; turn < 10; turn += 1) await page.mouse.wheel(0, 2_000);
    await expect.poll(async () => (await drawnIndexes()).some((index) => index > 100)).toBe(true);
    await page.keyboard.press('Tab');
    const next = page.locator(':focus');
    expect(await next.getAttribute('aria-label')).toMatch(/^Name on the target for/);
    expect(
      await next.evaluate((element) => element.closest('[data-plan-index]')?.getAttribute('data-plan-index')),
    ).toBe('1');
    expect(await inView(next)).toBe(true);
  });

  it('walks the rows by keyboard past the first ones drawn, each focused row in view', async () => {
    const { page } = app;
    await drawnRows().first().getByRole('textbox').focus();
    // Two stops a row (its name, its settings button): 80 tabs go 40 rows down, past the first window.
    for (let step = 0; step < 80; step += 1) await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const row = Number(
      await focused.evaluate((element) =>
        element.closest('[data-plan-index]')?.getAttribute('data-plan-index'),
      ),
    );
    expect(row).toBe(40);
    expect(await inView(focused)).toBe(true);
  });
});
