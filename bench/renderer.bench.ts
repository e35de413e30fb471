// The renderer side by side: P1 what it ships (gzip -9, all of it and the first screen), P2 largest
// contentful paint vs a bare React page built by the same vite, P4 filter keystroke → next frame
// with 10,000 instances. Chromium is Debian's, driven by playwright-core as in the e2e tests.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHROMIUM_PATH, launchApp } from '../test/e2e/harness/app-harness';
import { serveRenderer } from '../test/e2e/harness/static-server';
import { startFakePlatform } from '../test/fakes/platform-server';
import { activeTenantOn } from '../test/e2e/helpers/tenant-on-fake';
import { alternate, median, ms, percentile, printTable, ratio, report } from './support/rounds';

const ROOT = resolve(__dirname, '..');
const RENDERER = join(ROOT, 'out/renderer');
const gzipKiB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  printTable('renderer');
});

/** The assets index.html loads before anything else: its entry script, styles and preloads. */
function firstScreenAssets(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) =>
    join(RENDERER, match[1] ?? ''),
  );
}

/** A bare React 19 page that renders one heading, built by the same vite and React plugin. */
async function buildHelloPage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-hello-'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  await writeFile(
    join(dir, 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<h1>Element Authenticator</h1>);\n",
  );
  await build({
    root: dir,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: join(dir, 'out') },
    resolve: { dedupe: ['react', 'react-dom'] },
  });
  return join(dir, 'out');
}

/** Navigation start → the last largest-contentful-paint entry, after loading `url` in `page`. */
async function lcp(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        let last = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => done(last), 300);
      }),
  );
}

describe('renderer', { timeout: 600_000 }, () => {
  it('P1 what the renderer ships, gzip -9', () => {
    const assets = readdirSync(join(RENDERER, 'assets'))
      .filter((name) => /\.(js|css)$/.test(name))
      .map((name) => join(RENDERER, 'assets', name));
    const all = assets.reduce((sum, file) => sum + gzipKiB(file), 0);
    const first = firstScreenAssets().reduce((sum, file) => sum + gzipKiB(file), 0);
    report({
      id: 'P1',
      measure: `renderer JS + CSS, all (${assets.length} files)`,
      figure: `${all.toFixed(0)} KB`,
      goal: '≤ 250 KB',
      met: all <= 250,
    });
    report({
      id: 'P1',
      measure: 'renderer JS + CSS, first screen',
      figure: `${first.toFixed(0)} KB`,
      goal: '≤ 150 KB',
      met: first <= 150,
    });
  });

  it('P2 largest contentful paint vs a bare React page', async () => {
    const hello = await buildHelloPage();
    // The app as the e2e tests run it (its bridge to main installed), the bare page in the same Chromium build.
    const app = await launchApp();
    const appUrl = app.page.url();
    const bare = await serveRenderer(hello);
    const barePage = await browser.newPage();
    try {
      const pairing = await alternate(
        { label: 'app', run: () => lcp(app.page, appUrl) },
        { label: 'hello', run: () => lcp(barePage, bare.url) },
      );
      const figure = median(pairing.ratios);
      report({
        id: 'P2',
        measure: `LCP vs bare React page (${ms(median(pairing.a))} vs ${ms(median(pairing.b))})`,
        figure: ratio(figure),
        goal: '≤ 1.50×',
        met: figure <= 1.5,
      });
    } finally {
      await barePage.close();
      await app.close();
      await bare.close();
      await rm(resolve(hello, '..'), { recursive: true, force: true });
    }
  });

  it('P4 filter keystroke → next painted frame with 10,000 instances', async () => {
    const platform = await startFakePlatform();
    const harness = await launchApp();
    try {
      platform.seedInstances(10_000, { namePrefix: 'bulk', tags: ['bulk'] });
      await activeTenantOn(harness, platform, 'Bench Corp');
      const nav = harness.page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByText('Instances', { exact: true }).click();
      await harness.page.getByTestId('instance-row').first().waitFor();
      const filter = harness.page.getByLabel('Filter instances');
      await filter.focus();
      const times: number[] = [];
      for (let key = 0; key < 52; key += 1) {
        const char = 'bulk-41 '[key % 8] ?? 'b';
        const frame = harness.page.evaluate(
          () =>
            new Promise<number>((done) => {
              const input = document.querySelector('[aria-label="Filter instances"]');
              input?.addEventListener(
                'keydown',
                (event) =>
                  requestAnimationFrame(() =>
                    requestAnimationFrame(() => done(performance.now() - event.timeStamp)),
                  ),
                { once: true },
              );
            }),
        );
        await harness.page.keyboard.press(char === ' ' ? 'Backspace' : char);
        times.push(await frame);
      }
      const p50 = median(times.slice(2));
      const p95 = percentile(times.slice(2), 95);
      report({
        id: 'P4',
        measure: 'filter keydown → next frame, median (p95)',
        figure: `${ms(p50)} (${ms(p95)})`,
        goal: '≤ 8 ms (≤ 16 ms)',
        met: p50 <= 8 && p95 <= 16,
      });
    } finally {
      await harness.close();
      await platform.close();
    }
  });
});
