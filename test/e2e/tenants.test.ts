// Tenants end to end in Chromium: add two tenants through the form (secrets checked against their
// own fake platforms), rotate a wrong secret, switch in the header (title follows), run step 1
// against the right tenant's platform, ask before switching away from a pending flow, remove one.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { readTree } from '../support/read-tree';
import { launchApp, type AppHarness } from './harness/app-harness';
import { fillRedirectUrlForm, freePort, screenshotFromTop, waitForStep } from './helpers/stepper-driver';
import { keychainAccounts } from '../support/keychain-items';

const ACME = { org: 'acme-org-secret-e2e-0001-AORG', user: 'acme-user-secret-e2e-0002-AUSR' };
const GLOBEX = { org: 'globex-org-secret-e2e-0003-GORG', user: 'globex-user-secret-e2e-0004-GUSR' };
const WRONG_ORG = 'globex-org-secret-typo-0005-TYPO';
const ALL_SECRETS = [ACME.org, ACME.user, GLOBEX.org, GLOBEX.user, WRONG_ORG];

async function openScreen(page: Page, name: 'Tenants' | 'Authenticate') {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText(name, { exact: true }).click();
}

async function addTenant(
  page: Page,
  values: { name: string; url: string; colour: string; org: string; user: string },
  screenshot?: () => Promise<unknown>,
) {
  const addButton = page.getByRole('button', { name: /^Add (a )?tenant$/ }).first();
  await addButton.click();
  const form = page.getByRole('form', { name: 'Add a tenant' });
  await form.getByRole('textbox', { name: /^Name/ }).fill(values.name);
  await form.getByText('Custom URL', { exact: true }).click();
  await form.getByRole('textbox', { name: /^Platform URL/ }).fill(values.url);
  await form.getByRole('radio', { name: values.colour, exact: true }).click();
  await form.getByLabel(/^Organization secret/).fill(values.org);
  await form.getByLabel(/^User secret/).fill(values.user);
  if (screenshot) await screenshot();
  await form.getByRole('button', { name: 'Add tenant' }).click();
  await form.waitFor({ state: 'detached' });
}

const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const header = (page: Page) => page.getByTestId('active-tenant');

async function switchInHeader(page: Page, name: string) {
  await header(page).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

describe('tenants end to end', () => {
  let app: AppHarness;
  let acmePlatform: FakePlatform;
  let globexPlatform: FakePlatform;

  beforeAll(async () => {
    acmePlatform = await startFakePlatform({ orgSecret: ACME.org, userSecret: ACME.user });
    globexPlatform = await startFakePlatform({ orgSecret: GLOBEX.org, userSecret: GLOBEX.user });
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    await acmePlatform?.close();
    await globexPlatform?.close();
  });

  it('adds a tenant through the form; its secrets are checked and it becomes active', async () => {
    const { page } = app;
    await openScreen(page, 'Tenants');
    await page.getByText('No tenants yet').waitFor();
    await expect.poll(() => header(page).textContent()).toBe('No tenant selected');

    await addTenant(page, { name: 'Acme', url: acmePlatform.baseUrl, colour: 'Green', ...ACME }, () =>
      screenshotFromTop(app, 'tenants-0-add-form'),
    );

    await expect
      .poll(() => card(page, 'Acme').getByTestId('verification').textContent())
      .toMatch(/accepted the secrets of Acme \(0 instances\)/);
    await expect.poll(() => header(page).textContent()).toBe('Acme');
    await expect.poll(() => page.title()).toBe('Acme — Element Authenticator');
    expect(acmePlatform.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /instances',
    ]);
    await screenshotFromTop(app, 'tenants-1-first-tenant');
  });

  it('shows a wrong secret in plain words, and accepts it once rotated', async () => {
    const { page } = app;
    await addTenant(page, {
      name: 'Globex',
      url: globexPlatform.baseUrl,
      colour: 'Orange',
      org: WRONG_ORG,
      user: GLOBEX.user,
    });
    const globex = card(page, 'Globex');
    await expect
      .poll(() => globex.getByTestId('verification').textContent())
      .toMatch(/^The organization or user secret is wrong/);
    await expect.poll(() => header(page).textContent()).toBe('Acme');
    await screenshotFromTop(app, 'tenants-2-wrong-secret');

    await globex.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Globex' });
    expect(await form.getByLabel(/^Organization secret/).inputValue()).toBe('');
    await form.getByText(/Stored: ••••TYPO\. Leave empty to keep it\./).waitFor();
    await form.getByLabel(/^Organization secret/).fill(GLOBEX.org);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });

    await expect
      .poll(() => globex.getByTestId('verification').textContent())
      .toMatch(/accepted the secrets of Globex/);
    await expect.poll(() => globex.textContent()).toContain('••••GORG');
  });

  it('switches in the header; the title follows; step 1 goes to that tenant’s platform', async () => {
    const { page } = app;
    await switchInHeader(page, 'Globex');
    await expect.poll(() => header(page).textContent()).toBe('Globex');
    await expect.poll(() => page.title()).toBe('Globex — Element Authenticator');

    await openScreen(page, 'Authenticate');
    await expect.poll(() => page.getByTestId('acting-on').textContent()).toContain('Globex');
    const acmeBefore = acmePlatform.requests.length;
    await fillRedirectUrlForm(page, {
      instanceName: 'Globex CRM',
      clientId: 'globex-client-id',
      clientSecret: 'globex-client-secret-value',
      callbackUrl: `http://127.0.0.1:${await freePort()}/oauth/callback`,
    });
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(page, 'awaiting-consent');

    expect(globexPlatform.requests.some((request) => request.path === '/elements/zohocrmv2/oauth/url')).toBe(
      true,
    );
    expect(acmePlatform.requests.length).toBe(acmeBefore);
    expect(app.openedUrls.at(-1)?.startsWith(`${globexPlatform.origin}/fake-vendor/oauth2/auth?`)).toBe(true);
    await screenshotFromTop(app, 'tenants-3-step-1-on-globex');
  });

  it('asks before switching away from the pending flow; keeping it changes nothing', async () => {
    const { page } = app;
    await switchInHeader(page, 'Acme');
    const dialog = page.getByRole('dialog', { name: 'A flow is still running' });
    await dialog
      .getByText(/The flow creating “Globex CRM” for Globex .* Switching to Acme cancels it\./)
      .waitFor();
    await screenshotFromTop(app, 'tenants-4-flow-pending-question');

    await dialog.getByRole('button', { name: 'Keep the flow' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await header(page).textContent()).toBe('Globex');
    await waitForStep(page, 'awaiting-consent');

    await switchInHeader(page, 'Acme');
    await dialog.getByRole('button', { name: 'Cancel it and switch' }).click();
    await expect.poll(() => header(page).textContent()).toBe('Acme');
    expect(app.services.flow.get().step).toBe('cancelled');
  });

  it('removes a tenant through a confirmation that names it; its keychain items are gone', async () => {
    const { page } = app;
    const { tenants } = await app.services.tenants.list();
    const globexId = tenants.find((tenant) => tenant.name === 'Globex')?.id ?? '';
    await openScreen(page, 'Tenants');
    await card(page, 'Globex').getByRole('button', { name: 'Show the details of Globex' }).click();
    await card(page, 'Globex').getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Globex?' });
    await dialog.getByText('The instances on the platform are not touched.', { exact: false }).waitFor();
    await screenshotFromTop(app, 'tenants-5-remove-confirmation');

    await dialog.getByRole('button', { name: 'Remove tenant' }).click();

    await card(page, 'Globex').waitFor({ state: 'detached' });
    expect(await card(page, 'Acme').isVisible()).toBe(true);
    const accounts = keychainAccounts(app.secretStore.service);
    expect(accounts.filter((account) => account.startsWith(secretAccounts.tenantPrefix(globexId)))).toEqual(
      [],
    );
    expect(accounts).toContain(
      secretAccounts.orgSecret(tenants.find((tenant) => tenant.name === 'Acme')?.id ?? ''),
    );
    await screenshotFromTop(app, 'tenants-6-after-remove');
  });

  it('never sent a secret to the renderer nor wrote one to the data folder', async () => {
    const crossed = JSON.stringify(app.toRenderer);
    const written = [...(await readTree(app.dataDir)).values()];
    for (const secret of ALL_SECRETS) {
      expect(crossed).not.toContain(secret);
      for (const text of written) expect(text).not.toContain(secret);
    }
  });
});
