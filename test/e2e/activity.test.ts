// The Activity screen end to end in Chromium: what the app and a CLI run did for the active tenant,
// newest first, filtered by action, exported as CSV through main's save dialog, and a broken chain.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileActivityLog } from '../../main/services/activity/file-activity-log';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { screenshotFromTop } from './helpers/stepper-driver';
import { readExport } from '../support/read-export';
import { activeTenantOn } from './helpers/tenant-on-fake';

/** The activity log as element-auth writes it, in the app's data folder. */
const cliLog = (app: AppHarness) =>
  new FileActivityLog({
    dataDir: app.dataDir,
    clock: { now: () => Date.now() },
    source: 'cli',
    events: { emit: () => {} },
  });

describe('activity end to end', () => {
  let app: AppHarness;
  let platform: FakePlatform;
  let tenantId: string;

  beforeAll(async () => {
    platform = await startFakePlatform();
    app = await launchApp();
    tenantId = (await activeTenantOn(app, platform, 'Acme Corp')).id;
    await app.services.tenants.update({ id: tenantId, color: '#1c7ed6' });
    const cli = cliLog(app);
    const tenant = { tenantId, tenantName: 'Acme Corp' };
    await cli.record({ action: 'instance.created', tenant, instanceId: 41, instanceName: 'Acme CRM' });
    await cli.record({
      action: 'instance.tested',
      tenant,
      instanceId: 41,
      outcome: 'failed',
      details: { code: 'timeout' },
    });
    // An export is logged once its last instance has been read.
    await readExport(await app.services.instances.export('all', false, tenantId, '/home/me/acme.json'));
  });

  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  const rows = () => app.page.getByRole('table', { name: 'Activity of Acme Corp' }).getByRole('row');

  it('shows what was done for the active tenant, newest first, from the app and the CLI', async () => {
    await app.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByText('Activity', { exact: true })
      .click();
    await expect.poll(() => rows().count()).toBe(6);
    const actions = await rows().locator('td:nth-child(2)').allTextContents();
    expect(actions).toEqual([
      'Instances exported',
      'Instance tested',
      'Instance created',
      'Tenant edited',
      'Tenant added',
    ]);
    const from = await rows().locator('td:nth-child(5)').allTextContents();
    expect(from).toEqual(['App', 'CLI', 'CLI', 'App', 'App']);
    await screenshotFromTop(app, 'activity-0-list');
  });

  it('filters by action and exports what is shown as CSV', async () => {
    await app.page.getByPlaceholder('All actions').click();
    await app.page.getByRole('option', { name: 'Instance tested' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    const csvPath = path.join(app.dataDir, '..', `acme-activity-${process.pid}.csv`);
    app.dialogs.nextSavePath = csvPath;
    await app.page.getByRole('button', { name: 'Export CSV' }).click();
    await app.page.getByText(`Exported 1 entry to ${csvPath}.`).waitFor();
    const csv = (await fs.readFile(csvPath, 'utf8')).trim().split('\r\n');
    await fs.rm(csvPath);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/,instance\.tested,failed,cli,Acme Corp,41,,,"{""code"":""timeout""}"$/);
  });

  it('warns where the chain breaks after the log was edited', async () => {
    const file = path.join(app.dataDir, 'activity', `${tenantId}.jsonl`);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('"instanceName":"Acme CRM"', '"instanceName":"Other CRM"'));
    await app.page.getByRole('button', { name: 'Refresh' }).click();
    const warning = app.page.getByRole('alert').filter({ hasText: 'changed outside the app' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      `breaks at ${tenantId}.jsonl line 3: this entry was changed`,
    );
    await screenshotFromTop(app, 'activity-1-broken-chain');
  });
});

describe('a long activity log', () => {
  const COUNT = 1_500;
  let app: AppHarness;
  let platform: FakePlatform;

  beforeAll(async () => {
    platform = await startFakePlatform();
    app = await launchApp();
    const tenantId = (await activeTenantOn(app, platform, 'Acme Corp')).id;
    const cli = cliLog(app);
    const tenant = { tenantId, tenantName: 'Acme Corp' };
    for (let run = 1; run <= COUNT; run += 1) {
      await cli.record({ action: 'instance.tested', tenant, instanceId: 41, details: { run } });
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  const table = () => app.page.getByRole('table', { name: 'Activity of Acme Corp' });
  const box = () => app.page.getByTestId('activity-scroll');
  /** The entry rows drawn (the header and the space kept for the others left out). */
  const entryRows = () => table().locator('tbody').getByRole('row');
  const scrollBy = (pixels: number | 'end') =>
    box().evaluate(
      (element, by) =>
        new Promise<void>((done) => {
          element.scrollTop = by === 'end' ? element.scrollHeight : element.scrollTop + by;
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
      pixels,
    );
  const background = (row: ReturnType<typeof entryRows>) =>
    row.evaluate((element) => getComputedStyle(element).backgroundColor);

  it('shows the newest entries with only those in view drawn, and scrolls to the oldest', async () => {
    await app.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByText('Activity', { exact: true })
      .click();
    await entryRows().first().waitFor();
    // Drawing 1,500 rows took seconds, and again on each filter; only those in view (and a few more) are.
    expect(await entryRows().count()).toBeLessThan(60);
    expect(await entryRows().first().textContent()).toContain(`run: ${COUNT}`);
    // Assistive technology hears how long the log is, and where each drawn row sits in it.
    expect(await table().getAttribute('aria-rowcount')).toBe(String(COUNT + 2));
    expect(await entryRows().nth(1).getAttribute('aria-rowindex')).toBe('3');
    // By keyboard: the log's box takes the focus, End goes to the oldest entry.
    await box().focus();
    await app.page.keyboard.press('End');
    await expect.poll(() => entryRows().last().textContent()).toContain('Tenant added');
    await scrollBy(0);
    const last = entryRows().last();
    expect(await last.textContent()).toContain('Tenant added');
    const [outer, inner] = await Promise.all([box().boundingBox(), last.boundingBox()]);
    // In view at the bottom (heights measured as drawn may move the end by a pixel or so).
    expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height + 4);
    await scrollBy(-(await box().evaluate((element) => element.scrollTop)) / 2);
  });

  it('keeps each entry’s stripe while it scrolls, the newest striped', async () => {
    const named = (run: number) => entryRows().filter({ hasText: new RegExp(`run: ${run}$`) });
    const middle = entryRows().nth(12);
    const run = Number(/run: (\d+)/.exec((await middle.textContent()) ?? '')?.[1]);
    const [mine, next] = [await background(named(run)), await background(named(run - 1))];
    expect(mine).not.toBe(next);
    // A row and a half further: the window moves, the same entries keep their stripes.
    await scrollBy(66);
    expect(await background(named(run))).toBe(mine);
    expect(await background(named(run - 1))).toBe(next);
    // The newest entry (index 0) is striped, as a striped table's first row.
    await box().evaluate((element) => (element.scrollTop = 0));
    await expect.poll(() => entryRows().first().textContent()).toContain(`run: ${COUNT}`);
    const striped = await table().evaluate((element) => {
      const probe = element.appendChild(document.createElement('caption'));
      probe.style.background = 'var(--table-striped-color)';
      const color = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color;
    });
    expect(await background(entryRows().first())).toBe(striped);
    expect(await background(entryRows().nth(1))).not.toBe(striped);
  });
});
