// axe-core on every screen, modal and drawer, in light and dark: one page, the colour scheme toggled
// per stop, and 0 serious or critical violations required at each (the app against a fake platform).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, SCREENSHOT_DIR, type AppHarness } from './harness/app-harness';
import { axeReport, setScheme, transitionsDone } from './helpers/axe';
import { fillRedirectUrlForm, playConsent, waitForStep } from './helpers/stepper-driver';
import { activeTenantOn } from './helpers/tenant-on-fake';

const SCHEMES = ['light', 'dark'] as const;
const PASTE_CALLBACK = 'https://auth.example.com/oauth/callback';

let app: AppHarness;
let fake: FakePlatform;
/** Where the export stop writes its file. */
let folder: string;

/**
 * The page as it is now, in both colour schemes, and a screenshot in the dark one (the light ones
 * come from the keyboard test). A finding fails the test but lets it go on, so the layer it opened
 * still gets closed and the next stop still runs.
 */
async function checkBothSchemes(where: string): Promise<void> {
  await transitionsDone(app.page);
  for (const scheme of SCHEMES) {
    await setScheme(app.page, scheme);
    expect.soft(await axeReport(app.page, `${where} (${scheme})`)).toBe('');
  }
  const slug = where
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  await app.page.screenshot({ path: join(SCREENSHOT_DIR, `a11y-dark-${slug}.png`) });
  await setScheme(app.page, 'light');
}

const nav = () => app.page.getByRole('navigation', { name: 'Main navigation' });
const openScreen = (name: string) =>
  nav()
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
const dialog = (name: string | RegExp) => app.page.getByRole('dialog', { name });

/** From the form (paste door): a new sign-in, the customer's answer, and its URL pasted back. */
async function signInAndPaste(instanceName: string, consent = ''): Promise<void> {
  await app.page.getByRole('textbox', { name: /^Instance name/ }).fill(instanceName);
  await app.page.getByRole('button', { name: 'Get the sign-in link' }).click();
  await waitForStep(app.page, 'awaiting-consent');
  const location = await playConsent(app.openedUrls.at(-1) ?? '', consent);
  await app.page.getByRole('textbox', { name: /^Redirected URL/ }).fill(location);
  await app.page.getByRole('button', { name: 'Use it' }).click();
}

async function closeDialog(name: string | RegExp): Promise<void> {
  await app.page.keyboard.press('Escape');
  await dialog(name).waitFor({ state: 'detached' });
}

beforeAll(async () => {
  fake = await startFakePlatform();
  fake.seedInstances(6, { namePrefix: 'acme-zoho', tags: ['acme', 'crm'] });
  fake.seedInstances(1, { namePrefix: 'legacy', tags: ['old'], disabled: true });
  app = await launchApp({ viewport: { width: 1024, height: 640 } });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  folder = await mkdtemp(join(tmpdir(), 'element-auth-e2e-axe-'));
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('axe: first run, no tenant', () => {
  it('Authenticate without a tenant', async () => {
    await app.page.getByText('Choose a tenant first').waitFor();
    await checkBothSchemes('the no-tenant first-run state');
  });

  it('Tenants, empty, and the add form', async () => {
    await openScreen('Tenants');
    await app.page.getByText('No tenants yet').first().waitFor();
    await checkBothSchemes('Tenants (empty)');
    await app.page
      .getByRole('button', { name: /^Add (a )?tenant$/ })
      .first()
      .click();
    await dialog('Add a tenant').waitFor();
    await checkBothSchemes('the add-tenant modal');
    await closeDialog('Add a tenant');
  });
});

describe('axe: with a tenant', () => {
  beforeAll(async () => {
    await activeTenantOn(app, fake, 'Acme Corp');
  });

  it('the tenant menu in the header', async () => {
    await app.page.getByTestId('active-tenant').click();
    await app.page.getByRole('menu').waitFor();
    await checkBothSchemes('the tenant menu');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('menu').waitFor({ state: 'detached' });
  });

  it('Tenants: the list, edit, OAuth app and remove modals', async () => {
    await openScreen('Tenants');
    await app.page.getByRole('button', { name: /^Edit/ }).first().waitFor();
    await checkBothSchemes('Tenants');
    await app.page.getByRole('button', { name: /^Edit/ }).first().click();
    await dialog(/^Edit Acme Corp/).waitFor();
    await checkBothSchemes('the edit-tenant modal');
    await closeDialog(/^Edit Acme Corp/);
    await app.page
      .getByRole('button', { name: /Save an OAuth app/ })
      .first()
      .click();
    await dialog(/^Save an OAuth app/).waitFor();
    await checkBothSchemes('the OAuth app modal');
    await closeDialog(/^Save an OAuth app/);
    await app.page
      .getByRole('button', { name: /^Remove/ })
      .first()
      .click();
    await dialog('Remove Acme Corp?').waitFor();
    await checkBothSchemes('the remove-tenant modal');
    await closeDialog('Remove Acme Corp?');
  });

  it('Authenticate, step 1: the form and its errors', async () => {
    await openScreen('Authenticate');
    await waitForStep(app.page, 'idle');
    await checkBothSchemes('step 1, the form');
    await app.page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await app.page.getByText('Give the instance a name').waitFor();
    await checkBothSchemes('step 1 with errors');
  });

  it('Authenticate, step 2 (paste door) with a refused paste, and the cancelled panel', async () => {
    await fillRedirectUrlForm(app.page, {
      instanceName: 'Acme cancelled',
      clientId: 'client-id',
      clientSecret: 'client-secret',
      callbackUrl: PASTE_CALLBACK,
    });
    await app.page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(app.page, 'awaiting-consent');
    await checkBothSchemes('step 2, waiting for the customer');
    await app.page.getByRole('textbox', { name: /^Redirected URL/ }).fill('not a url');
    await app.page.getByRole('button', { name: 'Use it' }).click();
    await app.page.getByTestId('action-error').waitFor();
    await checkBothSchemes('step 2 with a refused paste');
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await waitForStep(app.page, 'cancelled');
    await checkBothSchemes('the cancelled panel');
    await app.page.getByRole('button', { name: 'Back to the form' }).click();
    await waitForStep(app.page, 'idle');
  });

  it('Authenticate, step 3 and the created instance', async () => {
    fake.behaviour.delayMs = 4_000;
    await signInAndPaste('Acme created');
    await waitForStep(app.page, 'creating');
    await checkBothSchemes('step 3, creating');
    fake.behaviour.delayMs = 0;
    await waitForStep(app.page, 'done');
    await checkBothSchemes('the created instance');
    await app.page.getByRole('button', { name: 'Start another' }).click();
    await waitForStep(app.page, 'idle');
  });

  it('Authenticate: a declined consent', async () => {
    await signInAndPaste('Acme declined', '&deny=1');
    await waitForStep(app.page, 'failed');
    await checkBothSchemes('the failure panel');
    await app.page.getByRole('button', { name: /^Start again/ }).click();
    await waitForStep(app.page, 'idle');
  });

  it('Instances: the list, the drawer, the delete confirmation, the export modal and notice', async () => {
    await openScreen('Instances');
    await expect.poll(() => app.page.getByTestId('instance-row').count()).toBeGreaterThan(5);
    await checkBothSchemes('Instances');
    await app.page.getByTestId('instance-row').filter({ hasText: 'acme-zoho' }).first().click();
    const drawer = app.page.getByRole('dialog').first();
    await drawer.getByRole('table', { name: 'Configuration' }).waitFor();
    await checkBothSchemes('the instance drawer');
    await drawer.getByRole('button', { name: 'Delete' }).click();
    const confirm = app.page.getByRole('dialog', { name: /^Delete this instance/ });
    await confirm.waitFor();
    await checkBothSchemes('the delete confirmation');
    await app.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await app.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await app.page.getByRole('button', { name: 'Export all' }).click();
    await dialog(/^Export instances of/).waitFor();
    await checkBothSchemes('the export modal');
    app.dialogs.nextSavePath = join(folder, 'instances.json');
    await dialog(/^Export instances of/)
      .getByRole('button', { name: /^Export \d+ instances/ })
      .click();
    await app.page.getByTestId('export-done').waitFor();
    await checkBothSchemes('Instances with the export notice');
  });

  it('Health, Activity and Settings', async () => {
    await openScreen('Health');
    await app.page.getByRole('heading', { name: 'Health', level: 1 }).waitFor();
    await checkBothSchemes('Health');
    await openScreen('Activity');
    await app.page.getByRole('heading', { name: /^Activity/, level: 1 }).waitFor();
    await checkBothSchemes('Activity');
    await openScreen('Settings');
    await app.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await checkBothSchemes('Settings');
  });
});
