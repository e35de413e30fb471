// The whole stepper in Chromium against the fake platform: US through the loopback door, EU through
// the paste box, a denied consent; exact POST bodies, screenshots of each step, no secret in the renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOHO_DEFAULT_SCOPE } from '../../main/services/elements/element-presets';
import { FAKE_SECRETS, startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness } from './harness/app-harness';
import { activeTenantOn } from './helpers/tenant-on-fake';
import {
  fillRedirectUrlForm,
  freePort,
  playConsent,
  screenshotFromTop,
  waitForStep,
} from './helpers/stepper-driver';

const { orgSecret: ORG_SECRET, userSecret: USER_SECRET } = FAKE_SECRETS;
const CLIENT_ID = 'zoho-client-id-e2e';
const CLIENT_SECRET = 'zoho-client-secret-e2e-5f3a';
const PASTE_CALLBACK = 'https://auth.example.com/oauth/callback';

const HOSTS = {
  us: { accounts: 'https://accounts.zoho.com', api: 'https://www.zohoapis.com' },
  eu: { accounts: 'https://accounts.zoho.eu', api: 'https://www.zohoapis.eu' },
};

function expectedBody(
  name: string,
  callbackUrl: string,
  dc: 'us' | 'eu',
  grant: { code: string; state: string },
) {
  return {
    element: { key: 'zohocrmv2' },
    name,
    /** The user's tags, then the marker that ties the instance to this request after a lost answer. */
    tags: ['acme', expect.stringMatching(/^element-auth-request:[\w-]{12}$/) as string],
    configuration: {
      'event.vendor.type': 'polling',
      'event.poller.refresh_interval': '15',
      'event.notification.enabled': 'false',
      'oauth.api.key': CLIENT_ID,
      'oauth.api.secret': CLIENT_SECRET,
      'oauth.callback.url': callbackUrl,
      'oauth.scope': ZOHO_DEFAULT_SCOPE,
      'oauth.base.url': HOSTS[dc].accounts,
      'api.base.url': HOSTS[dc].api,
    },
    providerData: {
      code: grant.code,
      state: grant.state,
      location: dc,
      'accounts-server': HOSTS[dc].accounts,
    },
  };
}

function grantOf(location: string): { code: string; state: string } {
  const params = new URL(location).searchParams;
  return { code: params.get('code') ?? '', state: params.get('state') ?? '' };
}

describe('stepper end to end', () => {
  let app: AppHarness;
  let fake: FakePlatform;
  const codes: string[] = [];

  beforeAll(async () => {
    fake = await startFakePlatform();
    app = await launchApp();
    await activeTenantOn(app, fake, 'Acme Corp');
    await app.page.getByRole('button', { name: 'Get the sign-in link' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('refuses to start with empty fields and says why, inline', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await page.getByText('Give the instance a name').waitFor();
    await page.getByText('Enter the OAuth client id').waitFor();
    expect(fake.requests).toHaveLength(0);
  });

  it('US through the loopback door: step by step to the created instance', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('acting-on').textContent()).toContain('Acme Corp');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    await fillRedirectUrlForm(page, {
      instanceName: 'Acme Zoho US',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      callbackUrl,
      tags: ['acme'],
    });
    await screenshotFromTop(app, 'stepper-1-redirect-url');
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();

    await waitForStep(page, 'awaiting-consent');
    const authUrl = app.openedUrls.at(-1) ?? '';
    expect(authUrl.startsWith(`${fake.origin}/fake-vendor/oauth2/auth?`)).toBe(true);
    await expect.poll(() => page.getByTestId('auth-url').textContent()).toBe(authUrl);
    await page.getByText(/a one-time listener at http:\/\/127\.0\.0\.1/).waitFor();
    await screenshotFromTop(app, 'stepper-2-authenticate-users');

    const location = await playConsent(authUrl);
    codes.push(grantOf(location).code);
    fake.behaviour.delayMs = 2_500;
    const browser = await fetch(location);
    expect(browser.status).toBe(200);
    await waitForStep(page, 'creating');
    await expect.poll(() => page.getByTestId('code-time-left').textContent()).toMatch(/^1:[45]\d$/);
    await screenshotFromTop(app, 'stepper-3-authenticate-instance');
    fake.behaviour.delayMs = 0;

    await waitForStep(page, 'done');
    const created = [...fake.instances.values()].find((instance) => instance.name === 'Acme Zoho US');
    expect(created).toBeDefined();
    expect(await page.getByTestId('instance-id').textContent()).toBe(String(created?.id));
    await page.getByText('United States (us)').waitFor();
    const posts = fake.requests.filter(
      (request) => request.method === 'POST' && request.path === '/instances',
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual(expectedBody('Acme Zoho US', callbackUrl, 'us', grantOf(location)));

    await page.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => app.clipboard.at(-1)).toBe(created?.token);
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    await screenshotFromTop(app, 'stepper-4-done');
  });

  it('EU through the paste box: the redirected URL pasted back', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start another' }).click();
    await waitForStep(page, 'idle');
    expect(await page.getByRole('textbox', { name: /^Instance name/ }).inputValue()).toBe('');
    expect(await page.getByRole('textbox', { name: /^OAuth client id/ }).inputValue()).toBe(CLIENT_ID);
    await page.getByRole('textbox', { name: /^Instance name/ }).fill('Acme Zoho EU');
    await page.getByRole('textbox', { name: /^Callback URL/ }).fill(PASTE_CALLBACK);
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();

    await waitForStep(page, 'awaiting-consent');
    await page.getByText(/paste it below/i).waitFor();
    await screenshotFromTop(app, 'stepper-2-authenticate-users-paste');
    const location = await playConsent(app.openedUrls.at(-1) ?? '', '&dc=eu');
    codes.push(grantOf(location).code);
    expect(location.startsWith(`${PASTE_CALLBACK}?`)).toBe(true);
    await page.getByRole('textbox', { name: /^Redirected URL/ }).fill(location);
    await page.getByRole('button', { name: 'Use it' }).click();

    await waitForStep(page, 'done');
    await page.getByText('Europe (eu)').waitFor();
    const posts = fake.requests.filter(
      (request) => request.method === 'POST' && request.path === '/instances',
    );
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toEqual(expectedBody('Acme Zoho EU', PASTE_CALLBACK, 'eu', grantOf(location)));
    const created = [...fake.instances.values()].find((instance) => instance.name === 'Acme Zoho EU');
    expect(await page.getByTestId('instance-id').textContent()).toBe(String(created?.id));
  });

  it('a declined consent: one clear sentence with the vendor error, and the form kept', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start another' }).click();
    await waitForStep(page, 'idle');
    const callbackUrl = `http://127.0.0.1:${await freePort()}/oauth/callback`;
    await page.getByRole('textbox', { name: /^Instance name/ }).fill('Acme declined');
    await page.getByRole('textbox', { name: /^Callback URL/ }).fill(callbackUrl);
    await page.getByRole('button', { name: 'Get the sign-in link' }).click();
    await waitForStep(page, 'awaiting-consent');

    const location = await playConsent(app.openedUrls.at(-1) ?? '', '&deny=1');
    expect(new URL(location).searchParams.get('error')).toBe('access_denied');
    await fetch(location);
    await waitForStep(page, 'failed');
    await page.getByText('The sign-in was declined', { exact: true }).waitFor();
    const failed = page.getByTestId('flow-failed');
    expect(await failed.getAttribute('data-code')).toBe('consent_denied');
    expect(await page.getByTestId('failure-details').textContent()).toContain('access_denied');
    await screenshotFromTop(app, 'stepper-error-consent-denied');

    await page.getByRole('button', { name: 'Start again' }).click();
    await waitForStep(page, 'idle');
    expect(await page.getByRole('textbox', { name: /^Instance name/ }).inputValue()).toBe('Acme declined');
    expect(await page.getByRole('textbox', { name: /^Callback URL/ }).inputValue()).toBe(callbackUrl);
  });

  it('never sent a secret, token or grant code to the renderer', () => {
    const seen = JSON.stringify(app.toRenderer);
    const secrets = [
      ORG_SECRET,
      USER_SECRET,
      CLIENT_SECRET,
      ...[...fake.instances.values()].map((instance) => instance.token),
      ...codes,
    ];
    expect(codes.length).toBeGreaterThanOrEqual(2);
    for (const secret of secrets)
      expect(seen.includes(secret), `renderer saw ${secret.slice(0, 6)}…`).toBe(false);
  });
});

describe('stepper in the dark', () => {
  it('reads calmly with the dark colour scheme', async () => {
    const fake = await startFakePlatform();
    const app = await launchApp({ colorScheme: 'dark' });
    try {
      await activeTenantOn(app, fake, 'Globex');
      await app.page.getByRole('button', { name: 'Get the sign-in link' }).click();
      await app.page.getByText('Give the instance a name').waitFor();
      await screenshotFromTop(app, 'stepper-1-redirect-url-dark');
      await app.page.getByRole('button', { name: /^Events/ }).click();
      await app.page.getByRole('switch', { name: 'Send event notifications' }).check();
      await app.page.getByRole('button', { name: 'Use Zoho CRM V2 example' }).click();
      await app.page.getByRole('textbox', { name: 'Poller configuration (JSON)' }).waitFor();
      await screenshotFromTop(app, 'stepper-1-events-dark');
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
