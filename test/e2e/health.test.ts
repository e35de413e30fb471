// The Health screen in Chromium over the real router and services, against five fake platforms of
// 200 instances each with seeded failures: run with progress, failing first, filters, CSV export,
// and the board reopened after a restart in dark mode. Screenshots light and dark.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthFleet, stopHealthFleet, type FleetTenant } from '../fakes/health-fleet';
import { launchApp, type AppHarness } from './harness/app-harness';

let app: AppHarness;
let fleet: FleetTenant[];
let folder: string;

const rows = () => app.page.getByTestId('health-row');
/** Rows the filters let through (the table is virtualized: only those in view are in the DOM). */
const shownCount = async () =>
  Number(await app.page.getByRole('table', { name: 'Instance health' }).getAttribute('aria-rowcount')) - 1;
const summary = (harness: AppHarness) => harness.page.getByTestId('health-summary').textContent();
const openHealth = (harness: AppHarness) =>
  harness.page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByText('Health', { exact: true })
    .click();
const revokedInAll = () => fleet.reduce((sum, tenant) => sum + tenant.failures.revoked.length, 0);

beforeAll(async () => {
  fleet = await startHealthFleet({ tenants: 5, instancesPerTenant: 200 });
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-e2e-health-'));
  app = await launchApp({ viewport: { width: 1440, height: 900 } });
  for (const tenant of fleet) {
    await app.services.tenants.add({
      name: tenant.name,
      environment: 'custom',
      customUrl: tenant.platform.baseUrl,
      color: tenant.color,
      ...tenant.secrets,
    });
  }
  await app.page.reload();
  await openHealth(app);
}, 60_000);

afterAll(async () => {
  await app?.close();
  if (fleet) await stopHealthFleet(fleet);
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('health screen', () => {
  it('opens on "no check yet" and runs every tenant with a progress bar', async () => {
    await expect.poll(() => summary(app)).toMatch(/No check has run yet/);
    await app.page.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => app.page.getByTestId('health-progress').textContent())
      .toMatch(/\/ 1,000 checked · \d+ failing/);
    await app.screenshot('health-running-light');
    await expect.poll(() => summary(app), { timeout: 30_000 }).toMatch(/Last run .* 1,000 instances shown/);
  }, 40_000);

  it('lists the failing instances first across tenants, each with its tenant', async () => {
    const first = rows().first();
    expect(await first.getAttribute('data-outcome')).toBe('token_refused');
    expect(await first.textContent()).toMatch(/Token refused \(401\)/);
    expect(await shownCount()).toBe(1000);
    await app.screenshot('health-board-light');
  });

  it('filters by outcome and tenant', async () => {
    const outcomes = app.page.getByRole('group', { name: 'Show outcomes' });
    await outcomes.getByText('Platform error').click();
    await expect.poll(() => rows().first().getAttribute('data-outcome')).toBe('platform_error');
    expect(await rows().first().textContent()).toMatch(/HTTP 500.*[0-9a-f]{8}-[0-9a-f]{4}-/);
    await outcomes.getByText('Platform error').click();
    await outcomes.getByText('Token refused (401)').click();
    await expect.poll(shownCount).toBe(revokedInAll());
    const shown = await rows().evaluateAll((found) => found.map((row) => row.getAttribute('data-outcome')));
    expect(new Set(shown)).toEqual(new Set(['token_refused']));
    const tenants = app.page.getByPlaceholder('All tenants', { exact: true });
    await tenants.fill('Globex');
    await tenants.press('ArrowDown');
    await tenants.press('Enter');
    await tenants.press('Escape');
    await expect.poll(shownCount).toBe(fleet[1]!.failures.revoked.length);
    expect(await rows().first().textContent()).toContain('Globex');
  });

  it('exports the shown rows as CSV through the save dialog, without a token', async () => {
    const file = path.join(folder, 'health.csv');
    app.dialogs.nextSavePath = file;
    await app.page.getByRole('button', { name: 'Export' }).click();
    await app.page.getByRole('menuitem', { name: 'Shown rows as CSV' }).click();
    await expect.poll(() => app.page.getByText(/results written to/).textContent()).toContain(file);
    const lines = (await readFile(file, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toMatch(/^tenant,instance id,instance,element,outcome,/);
    expect(lines).toHaveLength(1 + fleet[1]!.failures.revoked.length);
    expect(lines.slice(1).every((line) => line.startsWith('Globex,'))).toBe(true);
    const text = lines.join('\n');
    for (const instance of fleet[1]!.platform.instances.values()) expect(text).not.toContain(instance.token);
  });

  it('re-authenticates the shown refused instances in a row, each on its own tenant', async () => {
    const globex = fleet[1]!;
    await app.page
      .getByRole('button', { name: `Re-authenticate these (${globex.failures.revoked.length})` })
      .click();
    await expect.poll(() => app.page.getByTestId('acting-on').textContent()).toContain('Globex');
    await expect
      .poll(() => app.page.getByRole('heading', { name: 'Re-authenticate an instance' }).isVisible())
      .toBe(true);
    const queue = app.page.getByRole('region', { name: 'Sign-in queue' });
    expect(await queue.textContent()).toContain(`${globex.failures.revoked.length} left`);
    const first = globex.platform.instances.get(globex.failures.revoked[0]!)!;
    expect(await app.page.getByTestId('sign-in-queue-current').textContent()).toBe(
      `Now: ${first.name} on Globex (1 of ${globex.failures.revoked.length})`,
    );
    await app.screenshot('health-reauth-queue');
    await queue.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => queue.textContent()).toContain('1 skipped');
    await openHealth(app);
    expect(await queue.textContent()).toContain(`${globex.failures.revoked.length - 1} left`);
    await queue.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => queue.count()).toBe(0);
  });

  it('reopens on the last run after a restart, in dark mode', async () => {
    const dark = await launchApp({
      colorScheme: 'dark',
      viewport: { width: 1440, height: 900 },
      dataDir: app.dataDir,
      keychainService: app.keychainService,
    });
    try {
      await openHealth(dark);
      await expect.poll(() => summary(dark)).toMatch(/Last run .* 1,000 instances shown/);
      expect(await dark.page.getByTestId('health-row').first().getAttribute('data-outcome')).toBe(
        'token_refused',
      );
      await dark.screenshot('health-board-dark');
    } finally {
      await dark.close();
    }
  }, 30_000);
});
