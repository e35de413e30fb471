// What the renderer bench measures in a page: the bare React page it compares with, navigation
// start → largest contentful paint, the assets the first screen needs, and a keystroke → the next painted frame.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = resolve(__dirname, '../..');

/** Builds bench/support/hello (one heading, React 19) with the same vite and React plugin as the app. */
export async function buildHelloPage(): Promise<string> {
  const outDir = join(ROOT, 'out', 'bench-hello');
  // Production React and JSX, as the app ships: under vitest NODE_ENV is 'test', and vite and the
  // React plugin would build the development ones.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: join(__dirname, 'hello'),
      base: './',
      logLevel: 'silent',
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** Size of a file once gzip -9 has compressed it, in KB (1,024 bytes). */
export const gzipKiB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/**
 * Loads `url` in `page` and answers navigation start → the page's final largest contentful paint: the
 * last entry once `ready` shows (the page's own content, not a loading state) and 300 ms bring no other.
 * The wait runs in the page with the DOM's own querySelector: Playwright's locators would first inject
 * their selector engine (about 20 ms of the page's main thread), in the middle of a slower page's load.
 */
export async function largestContentfulPaint(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(
    (selector) =>
      new Promise<number>((done, fail) => {
        const giveUp = setTimeout(() => fail(new Error(`${selector} did not show in 20 s.`)), 20_000);
        let last = 0;
        let quiet: ReturnType<typeof setTimeout> | undefined;
        function finish() {
          clearTimeout(giveUp);
          if (last > 0) done(last);
          else fail(new Error('The page reported no largest-contentful-paint entry.'));
        }
        /** Counts the quiet 300 ms from `ready` on: the entries before it are the loading state's. */
        function settleOnceReady() {
          if (!document.querySelector(selector)) return;
          clearTimeout(quiet);
          quiet = setTimeout(finish, 300);
        }
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
          settleOnceReady();
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        const shown = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          shown.disconnect();
          settleOnceReady();
        });
        shown.observe(document, { childList: true, subtree: true });
        settleOnceReady();
      }),
    ready,
  );
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/**
 * The scripts and styles the first screen needs before it can show: index.html's entry and everything it
 * imports statically, from the build's manifest (the chunks of screens not shown yet are left out).
 */
export function firstScreenAssets(rendererDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(rendererDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  return [...files].map((file) => join(rendererDir, file));
}

declare global {
  interface Window {
    __keyFrames?: number[];
  }
}

/**
 * From now on, each keydown in `page` records its timeStamp → the end of the first frame painted after
 * it: a rAF callback runs just before that frame's paint, and a message posted from it is handled once
 * the paint is done. Installed before the keys are pressed, so none can slip past it.
 */
export async function recordKeyFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const times: number[] = [];
    window.__keyFrames = times;
    window.addEventListener(
      'keydown',
      (event) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => times.push(performance.now() - event.timeStamp);
          channel.port2.postMessage(null);
        }),
      { capture: true },
    );
  });
}

/** Presses each key in the focused field, one at a time, and answers each one's time to its next frame. */
export async function keysToNextFrame(page: Page, keys: readonly string[]): Promise<number[]> {
  for (const [index, key] of keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((count) => (window.__keyFrames?.length ?? 0) >= count, index + 1, {
      polling: 5,
      timeout: 10_000,
    });
  }
  return page.evaluate((count) => window.__keyFrames?.slice(-count) ?? [], keys.length);
}
