// Moving instances from staging to production in Chromium, against two fake platforms: "Copy to
// tenant…" on a selection, the plan (what carries over, a skip), the guided queue through the real
// stepper and consent (one created, one refused by the platform), the report, and the queue still
// there after a restart. Axe and screenshots of the plan, the queue and the report, light and dark,
// at 1280×800 and 1024×640.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakeInstance, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { checkSchemes } from './helpers/axe';
import { focusedName, retype, tabTo } from './helpers/keyboard';
import { freePort, playConsent, waitForStep } from './helpers/stepper-driver';
import { clearKeychain } from '../support/keychain-items';
import { tenantOn } from './helpers/tenant-on-fake';

let app: AppHarness;
let staging: FakePlatform;
let production: FakePlatform;
let seeded: FakeInstance[];
let callbackUrl: string;
let productionId: string;
/** Kept by the test (not the harness), so the app can start again on the same data and keychain. */
let dataDir: string;
const keychainService = `element-auth-e2e-import-${randomBytes(4).toString('hex')}`;

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

const queue = () => app.page.getByRole('region', { name: 'Sign-in queue' });

beforeAll(async () => {
  staging = await startFakePlatform();
  production = await startFakePlatform();
  dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-e2e-import-'));
  app = await launchApp({ dataDir, keychainService, viewport: { width: 1280, height: 800 } });
  const stagingTenant = await tenantOn(app, staging, 'Acme staging');
  productionId = (await tenantOn(app, production, 'Acme production')).id;
  seeded = staging.seedInstances(3, { tags: ['handover'] });
  for (const instance of seeded) {
    Object.assign(instance.configuration, {
      'event.notification.enabled': 'true',
      'event.notification.callback.url': 'https://hooks.acme.example/zoho',
      'event.notification.signature.key': `signature-${instance.id}`,
      'custom.setting': `keep-${instance.id}`,
    });
  }
  // The third is there already: the import skips it.
  production.seedInstances(1)[0]!.name = seeded[2]!.name;
  callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
  await app.services.tenants.saveOAuthApp({
    tenantId: productionId,
    name: 'Zoho production',
    clientId: 'prod-client-id',
    clientSecret: 'prod-client-secret-4411',
    callbackUrl,
  });
  await app.services.tenants.use({ id: stagingTenant.id });
  await app.page.reload();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await staging?.close();
  await production?.close();
  clearKeychain(keychainService);
  await rm(dataDir, { recursive: true, force: true });
});

describe('moving instances from staging to production', () => {
  it('plans a copy of the selected instances before anything happens', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: /^Instances/ })
      .click();
    await page.getByRole('checkbox', { name: 'Select all shown instances' }).click();
    // The toolbar (refresh, import, copy, exports) fits a laptop's width: the page never scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Copy to tenant…' }).click();
    await page.getByRole('menuitem', { name: 'Acme production' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into Acme production' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('import-plan-summary').textContent()).toContain(
      'From Acme staging: 2 to create, 1 skipped.',
    );
    expect(await dialog.getByText('already exists on the target').count()).toBe(1);
    const settings = dialog.getByRole('button', { name: `Show settings of “${seeded[0]!.name}”` });
    await settings.click();
    await dialog.getByText(`keep-${seeded[0]!.id}`).waitFor();
    await app.screenshot('import-plan-settings-1280x800-light');
    await dialog.getByRole('button', { name: `Hide settings of “${seeded[0]!.name}”` }).click();
    // Keyboard only: a target name changed and changed back (main plans again each time), the settings
    // opened and closed.
    const second = seeded[1]!.name;
    await tabTo(page, new RegExp(`^Name on the target for “${second}”`));
    await retype(page, 'Acme CRM copy');
    await page.keyboard.press('Enter');
    await dialog.getByText(`was “${second}”`).waitFor();
    await retype(page, second);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText(`was “${second}”`).count()).toBe(0);
    await tabTo(page, new RegExp(`^Show settings of “${second}”`));
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe(`Hide settings of “${second}”`);
    await page.keyboard.press('Enter');
    await checkSchemes(app, 'Import plan', 'import-plan', SIZES);
    expect(production.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('walks the sign-ins on production: one created with what the plan said, one refused', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start 2 sign-ins' }).click();
    await expect.poll(() => page.getByTestId('acting-on').textContent()).toContain('Acme production');
    await page.getByText(`Importing “${seeded[0]!.name}” from Acme staging`).waitFor();
    expect(await queue().textContent()).toContain('1 skipped');
    await checkSchemes(app, 'Import queue on the stepper', 'import-queue', SIZES);

    await page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(page, 'awaiting-consent');
    await fetch(await playConsent(app.openedUrls.at(-1) ?? ''));
    await waitForStep(page, 'done');
    await expect.poll(() => queue().textContent()).toContain('1 done');
    const post = production.requests.find(
      (request) => request.method === 'POST' && request.path === '/instances',
    );
    const body = post?.body as { name: string; configuration: Record<string, string>; tags: string[] };
    expect(body.name).toBe(seeded[0]!.name);
    expect(body.configuration).toMatchObject({
      'custom.setting': `keep-${seeded[0]!.id}`,
      'event.notification.callback.url': 'https://hooks.acme.example/zoho',
      'oauth.api.key': 'prod-client-id',
      'oauth.callback.url': callbackUrl,
    });
    expect(body.configuration['event.notification.signature.key']).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(seeded[0]!.token);
    expect(JSON.stringify(body)).not.toContain('seeded-client-secret');
    expect(body.tags).toContain('handover');

    await queue().getByRole('button', { name: 'Next' }).click();
    await page.getByText(`Importing “${seeded[1]!.name}” from Acme staging`).waitFor();
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(page, 'awaiting-consent');
    production.behaviour.failNext = { status: 400, message: 'Instance quota reached' };
    await fetch(await playConsent(app.openedUrls.at(-1) ?? ''));
    await waitForStep(page, 'failed');
    await expect.poll(() => queue().textContent()).toContain('1 failed');
    expect(await queue().textContent()).toContain('0 left');
  });

  it('reports what was created, skipped and failed, and keeps it after a restart', async () => {
    const { page } = app;
    await queue().getByRole('button', { name: 'Show report' }).click();
    const report = page.getByRole('dialog', { name: 'Import into Acme production: report' });
    await report.waitFor();
    const created = [...production.instances.values()].find((instance) => instance.name === seeded[0]!.name);
    expect(await report.getByRole('table', { name: 'Done' }).textContent()).toContain(
      `Created as instance ${created?.id}.`,
    );
    expect(await report.getByRole('table', { name: 'Skipped' }).textContent()).toContain(
      'already exists on the target',
    );
    expect(await report.getByRole('table', { name: 'Failed' }).textContent()).toMatch(
      /The platform refused the request \(400\)\. The platform said: “Instance quota reached” \(request [\w-]+\)/,
    );
    await checkSchemes(app, 'Import report', 'import-report', SIZES);
    await report.getByRole('button', { name: 'Close' }).click();
    // The report's code came with the click: it still gives the focus back to the button that opened it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Show report');

    await app.close();
    app = await launchApp({ dataDir, keychainService, viewport: { width: 1280, height: 800 } });
    await expect.poll(() => queue().textContent()).toContain('1 done');
    expect(await queue().textContent()).toContain('1 failed');
    await queue().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => queue().count()).toBe(0);
  });
});
