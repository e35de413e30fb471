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

  it('opens a screen whose code was fetched while idle at once, without a loading frame', async () => {
    const fetched = app.page.waitForResponse(/\/assets\/activity-screen-[\w-]+\.js$/);
    await app.page.reload();
    const chunk = (await fetched).url();
    // The same import as the prefetch's resolves once the chunk and its imports have run, after it.
    // (A string: vitest would rewrite an import() in a function's source.)
    await app.page.evaluate(`import(${JSON.stringify(chunk)}).then(() => true)`);
    const sawFallback = await app.page.evaluate(async () => {
      let seen = false;
      const watch = new MutationObserver(() => {
        seen ||= document.querySelector('.ea-screen-fallback') !== null;
      });
      watch.observe(document.body, { childList: true, subtree: true });
      const button = [...document.querySelectorAll('nav button')].find((item) =>
        item.textContent?.startsWith('Activity'),
      ) as HTMLElement;
      button.click();
      await new Promise((done) => requestAnimationFrame(done));
      watch.disconnect();
      return seen;
    });
    expect(sawFallback).toBe(false);
    const nav = app.page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.locator('[aria-current="page"]').textContent()).toContain('Activity');
    await nav.getByText('Authenticate', { exact: true }).click();
  });

  it('paints its first screen at once, not the frame around an empty screen first', async () => {
    // From the page's first script on, each change of the DOM notes whether main shows a screen yet.
    await app.page.addInitScript(() => {
      const states: string[] = [];
      Object.assign(window, { __mainStates: states });
      new MutationObserver(() => {
        const main = document.querySelector('main');
        if (main) states.push(main.querySelector('h1') ? 'screen' : 'empty');
      }).observe(document, { childList: true, subtree: true });
    });
    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Choose a tenant first' }).waitFor();
    const states = await app.page.evaluate(
      () => (window as unknown as { __mainStates: string[] }).__mainStates,
    );
    expect(states[0]).toBe('screen');
  });

  it('shows the frame at once when main is slow to list the tenants, and the screen once they come', async () => {
    const tenants = app.services.tenants;
    const list = tenants.list.bind(tenants);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    tenants.list = async () => {
      await held;
      return list();
    };
    try {
      await app.page.reload();
      // The first render waits 300 ms for the tenants at most: the frame shows well before the answer.
      await app.page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 2_000 });
      expect(await app.page.getByRole('heading', { level: 1 }).count()).toBe(0);
      release();
      await app.page.getByRole('heading', { level: 1, name: 'Choose a tenant first' }).waitFor();
    } finally {
      tenants.list = list;
      release();
    }
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
