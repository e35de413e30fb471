// Two customers on two fake platforms with recognisable data: a switch at every point (form filled,
// flow waiting, list loading, selection and drawer, export done) and every frame after the header
// changes is checked for the previous tenant's names, draft values and notices. A refused tenant never starts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantView } from '../../common/contract';
import { FAKE_SECRETS, startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { afterHeader, framesSampled, leaks, sampleFrames, switchWatching } from './helpers/frame-sampler';
import { fillRedirectUrlForm, freePort, waitForStep } from './helpers/stepper-driver';

const ACME = 'Acme Corp';
const GLOBEX = 'Globex Inc';
const ACME_DRAFT = {
  instanceName: 'Acme draft CRM',
  clientId: 'acme-client-id-4711',
  clientSecret: 'acme-client-secret-QX81',
};

let app: AppHarness;
let acmePlatform: FakePlatform;
let globexPlatform: FakePlatform;
let folder: string;
let acme: TenantView;
let globex: TenantView;
let acmeInstanceNames: string[];

const nav = (screen: 'Authenticate' | 'Instances') =>
  app.page.getByRole('navigation', { name: 'Main navigation' }).getByText(screen, { exact: true }).click();
/** Waits until the header names `tenant` (usable in hooks, where expect.poll is not). */
const headerSays = (tenant: string) =>
  app.page.waitForFunction(
    (name) => document.querySelector('[data-testid="active-tenant"]')?.textContent?.trim() === name,
    tenant,
  );

async function addTenant(
  name: string,
  platform: FakePlatform,
  secrets: { orgSecret: string; userSecret: string } = FAKE_SECRETS,
) {
  return app.services.tenants.add({ name, environment: 'custom', customUrl: platform.baseUrl, ...secrets });
}

/** Makes `tenant` active (directly, no watching) and waits for the header to say so. */
async function activate(tenant: TenantView) {
  await app.services.tenantSwitch.use({ id: tenant.id, abandonPendingFlow: true });
  await headerSays(tenant.name);
}

/**
 * Switches in main (as another window would; the open drawer is modal and covers the header) while
 * sampling every frame; returns the frames from the one whose header names the tenant.
 */
async function switchInMainWatching(tenant: TenantView, frames = 120) {
  await sampleFrames(app.page, frames);
  await app.services.tenants.use({ id: tenant.id });
  return afterHeader(await framesSampled(app.page, frames), tenant.name);
}

beforeAll(async () => {
  acmePlatform = await startFakePlatform();
  globexPlatform = await startFakePlatform();
  acmeInstanceNames = acmePlatform.seedInstances(5, { namePrefix: 'acme-ledger' }).map((one) => one.name);
  globexPlatform.seedInstances(3, { namePrefix: 'globex-orders' });
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-e2e-switch-'));
  app = await launchApp();
  acme = await addTenant(ACME, acmePlatform);
  globex = await addTenant(GLOBEX, globexPlatform);
  await app.services.tenants.use({ id: acme.id });
  await app.page.reload();
  await headerSays(ACME);
});

afterAll(async () => {
  await app?.close();
  await acmePlatform?.close();
  await globexPlatform?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('switching tenants', () => {
  it('with the form filled: no frame shows Acme’s draft under Globex, and Acme gets it back', async () => {
    await nav('Authenticate');
    await fillRedirectUrlForm(app.page, {
      ...ACME_DRAFT,
      callbackUrl: `http://127.0.0.1:${await freePort()}/oauth/callback`,
    });

    const frames = await switchWatching(app.page, GLOBEX);
    expect(frames.length).toBeGreaterThan(0);
    expect(leaks(frames, Object.values(ACME_DRAFT))).toEqual([]);
    expect(frames.filter((frame) => frame.actingOn.includes(ACME))).toEqual([]);
    expect(await app.page.getByRole('textbox', { name: /^Instance name/ }).inputValue()).toBe('');

    await switchWatching(app.page, ACME);
    await expect
      .poll(() => app.page.getByRole('textbox', { name: /^Instance name/ }).inputValue())
      .toBe(ACME_DRAFT.instanceName);
  });

  it('while a sign-in waits for consent: after “switch and cancel”, nothing of Acme’s flow shows', async () => {
    await app.page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(app.page, 'awaiting-consent');
    await app.page.getByTestId('active-tenant').click();
    await app.page.getByRole('menuitem', { name: GLOBEX }).click();
    const confirm = app.page.getByRole('button', { name: 'Cancel it and switch' });
    await confirm.waitFor();
    await sampleFrames(app.page, 90);
    await confirm.click();
    const frames = afterHeader(await framesSampled(app.page, 90), GLOBEX);
    expect(frames.length).toBeGreaterThan(0);
    expect(leaks(frames, [...Object.values(ACME_DRAFT), 'Sign-in cancelled'])).toEqual([]);
    await waitForStep(app.page, 'idle');
    await activate(acme);
  });

  it('with a selection and the drawer open, while Globex’s list loads: loading, never Acme’s rows', async () => {
    await nav('Instances');
    const row = (name: string) => app.page.getByTestId('instance-row').filter({ hasText: name });
    await row(acmeInstanceNames[0] as string)
      .getByRole('checkbox')
      .check();
    await row(acmeInstanceNames[1] as string).click();
    await app.page
      .getByRole('dialog')
      .getByText(acmeInstanceNames[1] as string)
      .first()
      .waitFor();

    globexPlatform.behaviour.delayMs = 1_500;
    const frames = await switchInMainWatching(globex);
    globexPlatform.behaviour.delayMs = 0;
    expect(frames.length).toBeGreaterThan(0);
    expect(leaks(frames, [...acmeInstanceNames, 'Choose a tenant first', '1 selected'])).toEqual([]);
    expect(frames.some((frame) => frame.shown.includes('Loading instances'))).toBe(true);
    await expect
      .poll(() => app.page.getByTestId('instances-summary').textContent())
      .toBe(`${GLOBEX} · 3 instances`);
    expect(await app.page.getByRole('dialog').count()).toBe(0);
  });

  it('after an export: the notice naming Acme’s file does not follow to Globex', async () => {
    await switchWatching(app.page, ACME);
    await expect
      .poll(() => app.page.getByTestId('instances-summary').textContent())
      .toBe(`${ACME} · 5 instances`);
    app.dialogs.nextSavePath = path.join(folder, 'acme-ledger-export.json');
    await app.page.getByRole('button', { name: 'Export all' }).click();
    await app.page.getByRole('dialog').getByRole('button', { name: 'Export 5 instances…' }).click();
    await expect
      .poll(() => app.page.getByTestId('export-done').textContent())
      .toContain('acme-ledger-export.json');

    const frames = await switchWatching(app.page, GLOBEX);
    expect(frames.length).toBeGreaterThan(0);
    expect(leaks(frames, ['acme-ledger-export.json', ...acmeInstanceNames])).toEqual([]);
  });

  it('to a tenant whose secrets the platform refuses: step 1 never starts, one sentence says to rotate', async () => {
    const initech = await addTenant('Initech', globexPlatform, {
      orgSecret: 'org-secret-not-this-one',
      userSecret: 'user-secret-not-this-one',
    });
    await activate(initech);
    await nav('Authenticate');
    const opened = app.openedUrls.length;
    await fillRedirectUrlForm(app.page, {
      instanceName: 'Initech CRM',
      clientId: 'initech-client',
      clientSecret: 'initech-secret',
      callbackUrl: `http://127.0.0.1:${await freePort()}/oauth/callback`,
    });
    await app.page.getByRole('button', { name: 'Get the sign-in link' }).click();
    const alert = app.page.getByTestId('action-error');
    await expect.poll(() => alert.textContent()).toContain('rotate the secrets of Initech');
    expect(app.openedUrls.length).toBe(opened);
    expect(globexPlatform.requests.some((request) => request.path.includes('/oauth/url'))).toBe(false);
    expect(
      (await app.services.tenants.list()).tenants.find((one) => one.id === initech.id)?.check.state,
    ).toBe('refused');
    await app.page.getByRole('button', { name: 'Rotate the secrets in Tenants' }).click();
    await app.page.getByTestId('tenant-card').first().waitFor();
  });
});
