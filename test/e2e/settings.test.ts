// Settings end to end in Chromium: "Check connection" against a platform whose certificate comes from
// a company CA (names the issuer and what to do), the manual proxy form (shared URL rule, password to
// the keychain only), the extra CA file, and a check result that belongs to the tenant it ran for.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTransport } from '../../main/cli/node-transport';
import { APP_TRUST_REMEDY } from '../../main/electron/electron-transport';
import { SETTINGS_FILE } from '../../main/services/settings/network-settings';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import { FAKE_SECRETS, startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { makeTestCertificates, TEST_CA_NAME, type TestCertificates } from '../fakes/test-ca';
import { launchApp, type AppHarness } from './harness/app-harness';
import { activeTenantOn } from './helpers/tenant-on-fake';
import { screenshotFromTop } from './helpers/stepper-driver';

const PROXY_PASSWORD = 'proxy-password-e2e-7788';

async function openSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByText('Settings', { exact: true })
    .click();
  await page.getByRole('form', { name: 'Network settings' }).waitFor();
}

describe('settings end to end', () => {
  let app: AppHarness;
  let inspected: FakePlatform;
  let plain: FakePlatform;
  let certs: TestCertificates;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'element-auth-e2e-ca-'));
    certs = makeTestCertificates(dir, 'platform.test');
    inspected = await startFakePlatform({ tls: { key: certs.key, cert: certs.cert } });
    plain = await startFakePlatform();
    // Node's stack stands in for Electron's (no binary here), with the app's advice for a certificate.
    app = await launchApp({ transport: nodeTransport({ env: {}, trustRemedy: APP_TRUST_REMEDY }) });
    await activeTenantOn(app, inspected, 'Acme');
  });

  afterAll(async () => {
    await app?.close();
    await inspected?.close();
    await plain?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the connection and names the issuer of an untrusted certificate', async () => {
    const { page } = app;
    await openSettings(page);
    await expect.poll(() => page.getByRole('radio', { name: /^System/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Check connection' }).click();
    const stages = page.getByTestId('connection-check');
    await stages.waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/cannot be reached/);
    const text = await stages.textContent();
    expect(text).toContain('DNS: 127.0.0.1 is at 127.0.0.1.');
    expect(text).toContain(`was issued by “${TEST_CA_NAME}”`);
    expect(text).toContain('If your company inspects TLS, add its root certificate');
    expect(text).toContain('Settings → Extra CA file');
    expect(inspected.requests).toEqual([]);
    await screenshotFromTop(app, 'settings-0-tls-untrusted');
  });

  it('keeps a check with the tenant it ran against: a switch hides it', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('connection-check').count()).toBe(1);
    const other = await app.services.tenants.add({
      name: 'Globex',
      environment: 'custom',
      customUrl: plain.baseUrl,
      ...FAKE_SECRETS,
    });
    await app.services.tenants.use({ id: other.id });
    await expect.poll(() => page.getByTestId('connection-check').count()).toBe(0);
    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/can be reached/);
    expect(await page.getByTestId('connection-check').textContent()).toContain('answered (HTTP 401');
  });

  it('saves a manual proxy: the URL rule in the form, the password in the keychain only', async () => {
    const { page } = app;
    const form = page.getByRole('form', { name: 'Network settings' });
    await form.getByRole('radio', { name: /^Manual/ }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Enter the proxy URL.').count()).toBe(1);
    await form.getByRole('textbox', { name: /^Proxy URL/ }).fill('http://ann:pw@proxy.acme.test:3128');
    await expect
      .poll(() => form.getByText('Leave the user name and password out of the proxy URL').count())
      .toBe(1);
    await form.getByRole('textbox', { name: /^Proxy URL/ }).fill('proxy.acme.test:3128');
    await form.getByRole('textbox', { name: /^Proxy user name/ }).fill('ann');
    await form.getByLabel(/^Proxy password/).fill(PROXY_PASSWORD);
    await screenshotFromTop(app, 'settings-1-manual-proxy');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved. Platform calls use these settings now.').count()).toBe(1);

    const file = readFileSync(path.join(app.dataDir, SETTINGS_FILE), 'utf8');
    expect(JSON.parse(file)).toEqual(
      expect.objectContaining({
        proxyMode: 'manual',
        proxyUrl: 'http://proxy.acme.test:3128',
        proxyUsername: 'ann',
      }),
    );
    expect(file).not.toContain(PROXY_PASSWORD);
    expect(await app.secretStore.get(secretAccounts.proxyPassword)).toBe(PROXY_PASSWORD);
    expect(JSON.stringify(app.toRenderer)).not.toContain(PROXY_PASSWORD);

    await page.reload();
    await openSettings(page);
    await expect.poll(() => page.getByText('A password is stored in the keychain').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Proxy URL/ }).inputValue()).toBe(
      'http://proxy.acme.test:3128',
    );
  });

  it('refuses an extra CA file it cannot use, and takes the company root', async () => {
    const { page } = app;
    const form = page.getByRole('form', { name: 'Network settings' });
    const missing = path.join(dir, 'missing.pem');
    await form.getByRole('textbox', { name: /^Extra CA file/ }).fill(missing);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'The settings were not saved' }).textContent())
      .toContain(`Could not read the certificate file ${missing} (ENOENT).`);
    await screenshotFromTop(app, 'settings-2-bad-ca-file');
    await form.getByRole('textbox', { name: /^Extra CA file/ }).fill(certs.caFile);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved. Platform calls use these settings now.').count()).toBe(1);
    expect(JSON.parse(readFileSync(path.join(app.dataDir, SETTINGS_FILE), 'utf8')).extraCaFile).toBe(
      certs.caFile,
    );
  });
});
