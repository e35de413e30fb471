// Keyboard only at 1024×640 (keyboard.press and type, no mouse): add a tenant, run the stepper through
// the paste door, open the instance, delete it, export one; focus and live region checked, screenshots.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SECRETS, startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, SCREENSHOT_DIR, type AppHarness } from './harness/app-harness';
import { transitionsDone } from './helpers/axe';
import { arrowTo, focusedName, retype, tabTo } from './helpers/keyboard';
import { playConsent, waitForStep } from './helpers/stepper-driver';

const PASTE_CALLBACK = 'https://auth.example.com/oauth/callback';
const INSTANCE = 'Acme keyboard';

let app: AppHarness;
let fake: FakePlatform;
let folder: string;

const announced = () => app.page.getByTestId('announcer').textContent();
const focused = () => focusedName(app.page);
/** The focused element's tag and heading level, e.g. "H1". */
const focusedTag = () => app.page.evaluate(() => document.activeElement?.tagName ?? '');

async function shot(name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await transitionsDone(app.page);
  await app.page.screenshot({ path: join(SCREENSHOT_DIR, `keyboard-${name}.png`) });
}

beforeAll(async () => {
  fake = await startFakePlatform();
  fake.seedInstances(4, { namePrefix: 'acme-zoho', tags: ['acme'] });
  folder = await mkdtemp(join(tmpdir(), 'element-auth-e2e-keyboard-'));
  app = await launchApp({ viewport: { width: 1024, height: 640 } });
  await app.page.getByText('Choose a tenant first').waitFor();
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('keyboard only', () => {
  it('skips to the main content, and reaches the navigation with Tab', async () => {
    await app.page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to main content');
    await app.page.keyboard.press('Enter');
    expect(await focusedTag()).toBe('H1');
    expect(await focused()).toBe('Choose a tenant first');
    await shot('1-first-run');
    await tabTo(app.page, /^Tenants/, true);
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Tenants');
    expect(await focusedTag()).toBe('H1');
  });

  it('adds a tenant through the form', async () => {
    const { page } = app;
    await tabTo(page, /^Add (a )?tenant$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add a tenant' }).waitFor();
    await tabTo(page, /^Name/);
    await page.keyboard.type('Acme Corp');
    await tabTo(page, /^(US|EU|Staging|Custom URL)/);
    await arrowTo(page, 'ArrowRight', /^Custom URL/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Platform URL/);
    await page.keyboard.type(fake.baseUrl);
    await tabTo(page, /^Organization secret/);
    await page.keyboard.type(FAKE_SECRETS.orgSecret);
    await tabTo(page, /^User secret/);
    await page.keyboard.type(FAKE_SECRETS.userSecret);
    await shot('2-add-tenant');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add a tenant' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('active-tenant').textContent()).toBe('Acme Corp');
    // The "Add a tenant" button of the empty list is gone: focus goes to the screen's h1, not the body.
    await expect.poll(focused).toBe('Tenants');
    await shot('3-tenants');
  });

  it('opens the tenant menu with Enter, before and after its code is fetched; Escape gives the focus back', async () => {
    const { page } = app;
    const openAndClose = async () => {
      await tabTo(page, /^Active tenant: Acme Corp/);
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await menu.getByRole('menuitem', { name: 'Manage tenants' }).waitFor();
      await expect.poll(focused).toMatch(/^(Acme Corp|Manage tenants)$/);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      await expect.poll(focused).toBe('Active tenant: Acme Corp. Switch tenant');
    };
    // Right after start: the menu's code comes with the key press.
    await page.reload();
    await openAndClose();
    // Once the app is idle it has fetched the code: the menu opens at once.
    const fetched = page.waitForResponse(/\/assets\/tenant-menu-[\w-]+\.js$/);
    await page.reload();
    await fetched;
    await openAndClose();
    await tabTo(page, /^Tenants/);
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Tenants');
  });

  it('goes to the stepper with Tab; a refused submit focuses the first invalid field', async () => {
    const { page } = app;
    await tabTo(page, /^Authenticate/);
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Authenticate an element');
    await tabTo(page, /^Get the sign-in link/);
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^Instance name/);
    const summary = page.getByTestId('form-problems');
    expect(await summary.textContent()).toMatch(/^\d+ fields? needs? a fix above\.$/);
    await expect.poll(announced).toMatch(/fields? needs? a fix/);
    await shot('4-step-1-errors');
  });

  it('runs the stepper through the paste door', async () => {
    const { page } = app;
    await page.keyboard.type(INSTANCE);
    await tabTo(page, /^OAuth client id/);
    await page.keyboard.type('client-id-keyboard');
    await tabTo(page, /^OAuth client secret/);
    await page.keyboard.type('client-secret-keyboard');
    await tabTo(page, /^Callback URL/);
    await retype(page, PASTE_CALLBACK);
    await page.keyboard.press('Enter');

    await waitForStep(page, 'awaiting-consent');
    await expect.poll(focused).toBe('Waiting for the customer to sign in');
    await expect.poll(announced).toMatch(/^Step 2 of 3, Authenticate Users: waiting for the customer/);
    await page.getByTestId('send-link-hint').waitFor();
    await shot('5-step-2-paste');
    const location = await playConsent(app.openedUrls.at(-1) ?? '');
    await tabTo(page, /^Redirected URL/);
    await page.keyboard.type(location);
    await page.keyboard.press('Enter');

    await waitForStep(page, 'done');
    await expect.poll(focused).toBe(`“${INSTANCE}” is ready`);
    await expect.poll(announced).toBe(`Instance “${INSTANCE}” created for Acme Corp.`);
    await shot('6-done');
  });

  it('opens the instance; Escape on the delete confirmation leaves the drawer; deletes it', async () => {
    const { page } = app;
    await tabTo(page, /^Test it in Instances/);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: new RegExp(`^${INSTANCE}`) });
    await drawer.getByRole('table', { name: 'Configuration' }).waitFor();
    await tabTo(page, /^Delete$/);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete this instance from Acme Corp?' });
    await confirm.waitFor();
    await shot('7-delete-confirmation');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await drawer.isVisible()).toBe(true);
    await expect.poll(focused).toBe('Delete');

    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await tabTo(page, /^Instance name to confirm/);
    await page.keyboard.type(INSTANCE);
    await page.keyboard.press('Enter');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(focused).toMatch(new RegExp(`^Deleted “${INSTANCE}”`));
    expect([...fake.instances.values()].some((instance) => instance.name === INSTANCE)).toBe(false);
  });

  it('selects a row with Space and exports it; focus comes back to the opener', async () => {
    const { page } = app;
    app.dialogs.nextSavePath = join(folder, 'one.json');
    await tabTo(page, /^acme-zoho/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Export selected/, true);
    await page.keyboard.press('Enter');
    const modal = page.getByRole('dialog', { name: /^Export instances of Acme Corp/ });
    await modal.waitFor();
    await shot('8-export');
    await tabTo(page, /^Export 1 instance/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('export-done').isVisible()).toBe(true);
    await expect.poll(focused).toMatch(/^Export selected/);
    const written = JSON.parse(await readFile(join(folder, 'one.json'), 'utf8')) as unknown;
    expect(JSON.stringify(written)).toContain('acme-zoho');
    await shot('9-exported');
  });
});
