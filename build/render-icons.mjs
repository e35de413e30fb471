#!/usr/bin/env node
// Renders build/icon.svg into the PNGs the installers use (icon.png 1024 px for macOS/Windows, icons/NxN.png
// for Linux) with headless Chromium. The PNGs are committed; run this only after changing the SVG.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const render = async (size, path) => {
    await page.setViewportSize({ width: size, height: size });
    const image = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<body style="margin:0;background:transparent">${image}</body>`);
    await page.locator('svg').screenshot({ path, omitBackground: true });
  };
  await render(1024, join(here, 'icon.png'));
  mkdirSync(join(here, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) await render(size, join(here, 'icons', `${size}x${size}.png`));
} finally {
  await browser.close();
}
console.log(`Rendered build/icon.png and build/icons/{${LINUX_SIZES.join(',')}} from build/icon.svg.`);
