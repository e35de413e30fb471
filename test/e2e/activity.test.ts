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

describe('activity end to end', () => {
  let app: AppHarness;
  let platform: FakePlatform;
  let tenantId: string;

  beforeAll(async () => {
    platform = await startFakePlatform();
    app = await launchApp();
    tenantId = (await activeTenantOn(app, platform, 'Acme Corp')).id;
    await app.services.tenants.update({ id: tenantId, color: '#1c7ed6' });
    const cli = new FileActivityLog({
      dataDir: app.dataDir,
      clock: { now: () => Date.now() },
      source: 'cli',
      events: { emit: () => {} },
    });
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
