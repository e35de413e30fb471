// Fifty customers on the Tenants screen at a laptop's size: compact rows with the active one first
// and open, a search that narrows and says when nothing matches, a switch from a row that leaves
// nothing of the previous tenant open, and the team-store dialogs; axe-core in light and dark, screenshots
// at 1024×640 and 1280×800.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SECRETS } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { checkSchemes } from './helpers/axe';

let app: AppHarness;
const NAMES = Array.from({ length: 50 }, (_, index) => `Customer ${String(index + 1).padStart(2, '0')}`);

const cardNames = (page: Page) =>
  page
    .getByTestId('tenant-card')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-tenant')));

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1024, height: 640 } });
  // Added in reverse so the list's order is the screen's doing, not the file's.
  for (const name of [...NAMES].reverse())
    await app.services.tenants.add({ name, environment: 'us', ...FAKE_SECRETS });
  const { tenants } = await app.services.tenants.list();
  await app.services.tenants.use({ id: tenants.find((tenant) => tenant.name === 'Customer 30')?.id ?? '' });
  await app.page.reload();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the tenant list with fifty customers', () => {
  it('shows compact rows, the active tenant first and open', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: /^Tenants/ })
      .click();
    await page.getByTestId('tenant-card').first().waitFor();
    const names = await cardNames(page);
    expect(names).toHaveLength(50);
    expect(names[0]).toBe('Customer 30');
    expect(names.slice(1)).toEqual(NAMES.filter((name) => name !== 'Customer 30'));
    const first = page.getByTestId('tenant-card').first();
    expect(await first.getByText('Organization secret').isVisible()).toBe(true);
    // A collapsed row is one line: the list shows many customers at once.
    const row = await page.getByTestId('tenant-card').nth(1).boundingBox();
    expect(row?.height).toBeLessThanOrEqual(60);
    await checkSchemes(app, 'Tenants with fifty customers', 'tenant-list-1024x640');
  });

  it('searches, says when nothing matches, and switches from a row', async () => {
    const { page } = app;
    const search = page.getByRole('textbox', { name: 'Search tenants' });
    await search.fill('customer 4');
    // Every word must match somewhere: "4" in the name (04, 14, …, 40–49).
    await expect.poll(() => cardNames(page)).toEqual(NAMES.filter((name) => name.includes('4')));
    await app.screenshot('tenant-list-search-1024x640');
    await search.fill('nobody');
    await page.getByText('No tenant matches “nobody”.').waitFor();
    await checkSchemes(app, 'Tenants, no match', 'tenant-list-no-match');
    await page.getByRole('button', { name: 'Show all tenants' }).click();

    await page.getByRole('button', { name: 'Use Customer 07' }).click();
    await expect.poll(() => page.getByTestId('active-tenant').textContent()).toBe('Customer 07');
    await expect.poll(async () => (await cardNames(page))[0]).toBe('Customer 07');
    // The previous tenant is a closed row again: none of its details stay on screen.
    const previous = page.getByRole('region', { name: 'Customer 30', exact: true });
    expect(await previous.getByText('Organization secret').count()).toBe(0);
    // Only the new active tenant is open.
    expect(await page.getByText('Organization secret').count()).toBe(1);
    expect(await page.getByTestId('tenant-card').first().getByText('Organization secret').count()).toBe(1);

    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('tenant-list-1280x800');
  });

  it('the team-store dialogs: join a shared tenant, and the add form with a team store', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Join a shared tenant' }).click();
    const join = page.getByRole('dialog', { name: 'Join a shared tenant' });
    await join.waitFor();
    await join.getByRole('button', { name: 'Join tenant' }).click();
    await join.getByText('Choose or paste the shared tenant file.').waitFor();
    await checkSchemes(app, 'the join-tenant modal', 'join-tenant');
    await page.keyboard.press('Escape');
    await join.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Add tenant' }).click();
    const add = page.getByRole('dialog', { name: 'Add a tenant' });
    await add.getByText('Team password store', { exact: true }).click();
    await add.getByRole('textbox', { name: /^Entry path/ }).waitFor();
    await checkSchemes(app, 'the add-tenant modal with a team store', 'add-tenant-team-store');
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'detached' });
  });
});
