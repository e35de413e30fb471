// The app frame in Chromium: app.info travels main → bridge → UI, navigation works, the renderer
// runs under the app's CSP, and the bridge refuses a channel that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/app-harness';

describe('app shell', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows app.info that came through the bridge from the router', async () => {
    await expect
      .poll(() => app.page.getByTestId('app-info').textContent())
      .toMatch(/Element Authenticator 0\.1\.0-e2e · linux/);
    await app.screenshot('app-shell');
  });

  it('navigates between Authenticate, Instances and Tenants', async () => {
    const nav = app.page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByText('Instances', { exact: true }).click();
    await expect.poll(() => nav.locator('[aria-current="page"]').textContent()).toContain('Instances');
    await nav.getByText('Authenticate', { exact: true }).click();
    await expect.poll(() => nav.locator('[aria-current="page"]').textContent()).toContain('Authenticate');
  });

  it('answers an unknown channel with an error envelope, not an exception', async () => {
    const result = await app.page.evaluate(() =>
      (
        window as unknown as { __elementAuthInvoke(c: string, i: unknown): Promise<unknown> }
      ).__elementAuthInvoke('app.secrets', {}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('runs under a CSP that refuses inline script', async () => {
    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.appendChild(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });
});
