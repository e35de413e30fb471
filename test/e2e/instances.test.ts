// The Instances screen in Chromium over the real router and services, against the fake platform:
// list, filter, detail (redacted), test, copy, export (read back from a temp folder), delete through
// the confirmation, and a table of 10,000 instances that stays a small window of DOM rows.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakeInstance, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { activeTenantOn } from './helpers/tenant-on-fake';
import { keychainAccounts } from '../support/keychain-items';

let app: AppHarness;
let platform: FakePlatform;
let folder: string;
let seeded: FakeInstance[];

const row = (name: string) => app.page.getByTestId('instance-row').filter({ hasText: name });
const rowCount = () => app.page.getByTestId('instance-row').count();
const summary = () => app.page.getByTestId('instances-summary').textContent();
/** Lets Mantine's drawer and modal transitions finish before a screenshot. */
const settle = () => app.page.waitForTimeout(400);

beforeAll(async () => {
  platform = await startFakePlatform();
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-e2e-export-'));
  seeded = [
    ...platform.seedInstances(14, { namePrefix: 'acme-zoho', tags: ['acme', 'crm'] }),
    ...platform.seedInstances(6, {
      element: 'hubspotcrm',
      namePrefix: 'acme-hubspot',
      tags: ['acme', 'marketing'],
    }),
    ...platform.seedInstances(2, { namePrefix: 'legacy', tags: ['old'], disabled: true }),
  ];
  seeded.forEach((instance, index) => {
    instance.providerData = { code: `1000.grant-code-${index}`, location: 'eu' };
    instance.configuration['event.notification.signature.key'] = `signature-key-${index}`;
  });
  app = await launchApp();
  await activeTenantOn(app, platform, 'Acme Corp');
  await app.page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByText('Instances', { exact: true })
    .click();
});

afterAll(async () => {
  await app?.close();
  await platform?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function secretsOf(instance: FakeInstance): string[] {
  return [
    instance.token,
    instance.configuration['oauth.user.token'],
    instance.configuration['oauth.user.refresh_token'],
    instance.configuration['event.notification.signature.key'],
    String(instance.providerData.code),
  ].filter((value): value is string => typeof value === 'string' && value.length > 8);
}

describe('instances screen', () => {
  it("lists the active tenant's instances with element, id, created, status and tags", async () => {
    await expect.poll(summary).toBe('Acme Corp · 22 instances');
    await expect.poll(rowCount).toBeGreaterThan(10);
    const first = seeded[0] as FakeInstance;
    const text = await row(first.name).textContent();
    expect(text).toContain('zohocrmv2');
    expect(text).toContain(String(first.id));
    expect(text).toContain('Valid');
    expect(text).toContain('crm');
    expect(await row('legacy').first().textContent()).toContain('Disabled');
    await app.screenshot('instances-table');
  });

  it('filters by words and sorts by a column', async () => {
    const filter = app.page.getByLabel('Filter instances');
    await filter.fill('hubspot marketing');
    await expect.poll(rowCount).toBe(6);
    await expect.poll(summary).toBe('Acme Corp · 6 of 22 instances');
    await app.screenshot('instances-filtered');
    await filter.fill('');
    await expect.poll(summary).toBe('Acme Corp · 22 instances');

    await app.page.getByRole('columnheader', { name: 'ID' }).getByRole('button').click();
    await app.page.getByRole('columnheader', { name: 'ID' }).getByRole('button').click();
    const last = seeded.at(-1) as FakeInstance;
    await expect.poll(() => app.page.getByTestId('instance-row').first().textContent()).toContain(last.name);
    await app.page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  });

  it('opens the detail with redacted JSON, tests the instance and copies its token in main', async () => {
    const instance = seeded[1] as FakeInstance;
    await row(instance.name).click();
    const drawer = app.page.getByRole('dialog');
    await expect.poll(() => drawer.getByRole('table', { name: 'Configuration' }).isVisible()).toBe(true);
    expect(await drawer.textContent()).toContain('Acme Corp');
    await settle();
    await app.screenshot('instances-detail');

    await drawer.getByRole('tab', { name: 'JSON (redacted)' }).click();
    const json = JSON.parse((await app.page.getByTestId('instance-json').textContent()) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(json.token).toBe('********');
    expect(json.providerData).toEqual({ code: '********', location: 'eu' });
    expect((json.configuration as Record<string, unknown>)['event.notification.signature.key']).toBe(
      '********',
    );
    expect((json.configuration as Record<string, unknown>)['oauth.user.token']).toBe('********');
    await settle();
    await app.screenshot('instances-detail-json');

    await drawer.getByRole('button', { name: 'Test' }).click();
    await expect
      .poll(() => app.page.getByTestId('test-outcome').textContent())
      .toContain('The platform accepted the instance token');
    await drawer.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => app.clipboard.at(-1)).toBe(instance.token);
    await drawer.getByRole('button', { name: 'Copy as create body' }).click();
    await expect.poll(() => app.clipboard.length).toBe(2);
    expect(JSON.parse(app.clipboard[1] ?? '')).toMatchObject({
      name: instance.name,
      element: { key: 'zohocrmv2' },
    });
    await settle();
    await app.screenshot('instances-detail-tested');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
  });

  it('exports the selected instances redacted to the chosen file', async () => {
    const [a, b] = seeded as [FakeInstance, FakeInstance];
    await row(a.name).getByRole('checkbox').check();
    await row(b.name).getByRole('checkbox').check();
    await expect.poll(summary).toBe('Acme Corp · 22 instances · 2 selected');
    app.dialogs.nextSavePath = path.join(folder, 'selected.json');

    await app.page.getByRole('button', { name: 'Export selected' }).click();
    const modal = app.page.getByRole('dialog');
    await modal.getByRole('button', { name: 'Export 2 instances…' }).click();
    await expect
      .poll(() => app.page.getByTestId('export-done').textContent())
      .toContain('Exported 2 instances');

    const text = await readFile(app.dialogs.nextSavePath, 'utf8');
    const document = JSON.parse(text) as {
      format: string;
      secretsIncluded: boolean;
      tenant: unknown;
      instances: { id: number }[];
    };
    expect(document.format).toBe('element-authenticator/instances@1');
    expect(document.secretsIncluded).toBe(false);
    expect(document.tenant).toEqual({ name: 'Acme Corp', environment: 'custom', baseUrl: platform.baseUrl });
    expect(document.instances.map((instance) => instance.id).sort()).toEqual([a.id, b.id].sort());
    for (const secret of [...secretsOf(a), ...secretsOf(b)]) expect(text).not.toContain(secret);
  });

  it('exports all with secrets only after the confirmation naming the tenant, owner-only', async () => {
    app.dialogs.nextSavePath = path.join(folder, 'all-with-secrets.json');
    await app.page.getByRole('button', { name: 'Export all' }).click();
    const modal = app.page.getByRole('dialog');
    await modal.getByRole('switch', { name: 'Include secrets' }).click();
    const exportButton = modal.getByRole('button', { name: 'Export 22 instances with secrets…' });
    expect(await exportButton.isDisabled()).toBe(true);
    await settle();
    await app.screenshot('instances-export-secrets');
    await modal.getByLabel('Yes, include the secrets of Acme Corp in this file').check();
    await exportButton.click();
    await expect.poll(() => app.page.getByTestId('export-done').textContent()).toContain('with secrets');

    const file = app.dialogs.nextSavePath;
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ secretsIncluded: true });
    expect(text).toContain((seeded[0] as FakeInstance).token);
  });

  it('deletes an instance only after its name is typed, naming the tenant', async () => {
    const victim = seeded[2] as FakeInstance;
    await app.secretStore.set(
      `tenant:${(await app.services.tenants.resolve()).tenantId}:instance:${victim.id}:token`,
      victim.token,
    );
    await row(victim.name).click();
    const drawer = app.page.getByRole('dialog', { name: victim.name });
    await drawer.getByRole('button', { name: 'Delete' }).click();
    const modal = app.page.getByRole('dialog', { name: 'Delete this instance from Acme Corp?' });
    const confirm = modal.getByRole('button', { name: 'Delete from Acme Corp' });
    await modal.getByLabel('Instance name to confirm').fill('not-the-name');
    expect(await confirm.isDisabled()).toBe(true);
    await modal.getByLabel('Instance name to confirm').fill(victim.name);
    await settle();
    await app.screenshot('instances-delete-confirm');
    await confirm.click();

    await expect.poll(summary).toBe('Acme Corp · 21 instances · 2 selected');
    expect(platform.instances.has(victim.id)).toBe(false);
    expect(keychainAccounts(app.secretStore.service)).not.toContain(
      expect.stringContaining(`:instance:${victim.id}:`),
    );
  });

  it('re-authenticate opens the Authenticate screen prefilled for that instance', async () => {
    const instance = seeded[4] as FakeInstance;
    await row(instance.name).click();
    await app.page
      .getByRole('dialog', { name: instance.name })
      .getByRole('button', { name: 'Re-authenticate' })
      .click();
    const nav = app.page.getByRole('navigation', { name: 'Main navigation' });
    await expect.poll(() => nav.locator('[aria-current="page"]').textContent()).toContain('Authenticate');
    await expect.poll(() => app.page.getByRole('main').textContent()).toContain(instance.name);
    await settle();
    await app.screenshot('instances-reauthenticate-intent');
    await nav.getByText('Instances', { exact: true }).click();
    await expect.poll(summary).toContain('Acme Corp');
  });

  it('never sent a token or secret to the renderer', () => {
    const crossed = JSON.stringify(app.toRenderer);
    for (const instance of seeded)
      for (const secret of secretsOf(instance)) expect(crossed).not.toContain(secret);
  });

  it('keeps 10,000 instances smooth: only a window of rows is in the DOM while scrolling', async () => {
    platform.seedInstances(10_000, { namePrefix: 'bulk', tags: ['bulk'] });
    await app.page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(summary, { timeout: 30_000 }).toBe('Acme Corp · 10,021 instances · 2 selected');
    expect(await rowCount()).toBeLessThan(60);

    const scroller = app.page.getByTestId('instances-scroll');
    const started = Date.now();
    for (const top of [20_000, 150_000, 300_000, 430_000]) {
      await scroller.evaluate((element, y) => element.scrollTo({ top: y }), top);
      await expect.poll(() => app.page.getByTestId('instance-row').nth(10).textContent()).toContain('bulk-');
      expect(await rowCount()).toBeLessThan(60);
    }
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => app.page.getByTestId('instance-row').last().textContent()).toContain('legacy-');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await rowCount()).toBeLessThan(60);
    await app.screenshot('instances-10k');

    await app.page.getByLabel('Filter instances').fill('bulk-410');
    await expect.poll(summary).toContain('of 10,021 instances');
    expect(await rowCount()).toBeLessThan(60);
  });
});

describe('instances screen in other situations', () => {
  it('reads calmly in dark mode', async () => {
    const dark = await launchApp({ colorScheme: 'dark' });
    try {
      await activeTenantOn(dark, platform, 'Dark Corp');
      await dark.page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByText('Instances', { exact: true })
        .click();
      await expect
        .poll(() => dark.page.getByTestId('instances-summary').textContent())
        .toContain('Dark Corp');
      await dark.page.getByTestId('instance-row').nth(1).getByRole('checkbox').check();
      await dark.page.getByTestId('instance-row').nth(3).click();
      await expect.poll(() => dark.page.getByRole('table', { name: 'Configuration' }).isVisible()).toBe(true);
      await dark.page.waitForTimeout(400);
      await dark.screenshot('instances-detail-dark');
    } finally {
      await dark.close();
    }
  });

  it('says to choose a tenant first', async () => {
    const bare = await launchApp();
    try {
      await bare.page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByText('Instances', { exact: true })
        .click();
      await expect.poll(() => bare.page.getByText('Choose a tenant first').isVisible()).toBe(true);
      await bare.screenshot('instances-no-tenant');
    } finally {
      await bare.close();
    }
  });
});
