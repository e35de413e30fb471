// The Instances screen at a laptop's size and a desktop's, light and dark: every column a user needs
// (Name, Element, Status, Tags) in view from 1024 px, a long name readable in full in the drawer,
// and no serious or critical axe-core finding in the table. Screenshots in test-results/e2e.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '../fakes/platform-server';
import { launchApp, type AppHarness, type LaunchOptions } from './harness/app-harness';
import { checkSchemes } from './helpers/axe';
import { activeTenantOn } from './helpers/tenant-on-fake';

const LONG_PREFIX = 'acme-zoho-crm-production-europe-west-customer-portal-nightly-sync-primary-account';
const AXE = readFileSync(resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
];

let platform: FakePlatform;
let longName: string;

beforeAll(async () => {
  platform = await startFakePlatform();
  platform.seedInstances(8, { namePrefix: 'acme-zoho', tags: ['acme', 'crm', 'production', 'europe'] });
  platform.seedInstances(2, { element: 'hubspotcrm', namePrefix: 'acme-hubspot', tags: ['marketing'] });
  longName = platform.seedInstances(1, { namePrefix: LONG_PREFIX, tags: ['acme', 'portal'] })[0]?.name ?? '';
  platform.seedInstances(1, { namePrefix: 'legacy', tags: ['old'], disabled: true });
});

afterAll(async () => {
  await platform?.close();
});

/** True when the element is laid out, not cut by the table's frame, and inside the window. */
async function fullyShown(element: Locator, frame: Locator, viewportWidth: number): Promise<boolean> {
  const [box, frameBox] = await Promise.all([element.boundingBox(), frame.boundingBox()]);
  if (!box || !frameBox) return false;
  return (
    box.x >= frameBox.x &&
    box.x + box.width <= frameBox.x + frameBox.width + 0.5 &&
    box.x + box.width <= viewportWidth
  );
}

/** The app at this size and scheme, its tenant on the fake platform, on the Instances screen. */
async function onInstances(options: LaunchOptions): Promise<AppHarness> {
  const app = await launchApp(options);
  try {
    await activeTenantOn(app, platform, 'Acme Corp');
    await app.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByText('Instances', { exact: true })
      .click();
    await app.page.getByTestId('instance-row').first().waitFor();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

describe.each(SIZES)('instances screen at $width×$height', (viewport) => {
  it.each(['light', 'dark'] as const)('shows Name, Element, Status and Tags in %s', async (colorScheme) => {
    const app = await onInstances({ viewport, colorScheme });
    try {
      const table = app.page.getByRole('table', { name: 'Instances' });
      for (const column of ['Name', 'Element', 'Status', 'Tags']) {
        const header = table.getByRole('columnheader', { name: column });
        expect(await fullyShown(header, table, viewport.width), column).toBe(true);
      }
      const firstRow = table.getByTestId('instance-row').first();
      expect(await fullyShown(firstRow.getByText('Valid'), table, viewport.width)).toBe(true);
      // The narrow table leaves out ID and Created (the drawer shows both); the wide one has them.
      const wide = viewport.width >= 1280;
      expect(await table.getByRole('columnheader', { name: 'ID' }).isVisible()).toBe(wide);
      expect(await table.getByRole('columnheader', { name: 'Created' }).isVisible()).toBe(wide);
      await app.screenshot(`instances-${viewport.width}x${viewport.height}-${colorScheme}`);
    } finally {
      await app.close();
    }
  });
});

describe('instances screen at 1024×640', () => {
  it('shows a long instance name in full in the drawer title', async () => {
    const app = await onInstances({ viewport: SIZES[0] });
    try {
      await app.page.getByLabel('Filter instances').fill('portal');
      await app.page.getByTestId('instance-row').filter({ hasText: longName }).click();
      const title = app.page.getByTestId('instance-drawer-name');
      await expect.poll(() => title.textContent()).toBe(longName);
      // Wrapped rather than cut: nothing of it hides past its box.
      expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      expect(await title.evaluate((element) => getComputedStyle(element).textOverflow)).not.toBe('ellipsis');
      await app.page.waitForTimeout(400);
      await app.screenshot('instances-1024x640-long-name');
    } finally {
      await app.close();
    }
  });

  it('keeps the table, empty, while nothing matches, and every row in view comes back with the filter erased', async () => {
    const app = await onInstances({ viewport: SIZES[0] });
    try {
      const filter = app.page.getByLabel('Filter instances');
      const table = app.page.getByRole('table', { name: 'Instances' });
      await filter.fill('no-such-instance');
      await app.page.getByText('No instance matches “no-such-instance”.').waitFor();
      expect(await table.getByTestId('instance-row').count()).toBe(0);
      expect(await table.getByRole('columnheader', { name: 'Name' }).isVisible()).toBe(true);
      await checkSchemes(app, 'Instances, nothing matches', 'instances-no-match', SIZES);

      await filter.fill('');
      // The rows in view come first, those below the view (here all twelve are drawn) a frame later.
      await expect.poll(() => table.getByTestId('instance-row').count()).toBe(12);
      expect(await app.page.getByText(/No instance matches/).count()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('has no serious or critical axe-core finding in the table, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const app = await onInstances({ viewport: SIZES[0], colorScheme });
      try {
        await app.page.evaluate(AXE);
        const findings = await app.page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }
          ).axe;
          const results = (await axe.run(
            { include: [['[role="table"][aria-label="Instances"]']] },
            // Contrast is the theme's (dimmed text, light badges): the accessibility suite checks it on every screen.
            {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
              rules: { 'color-contrast': { enabled: false } },
              resultTypes: ['violations'],
            },
          )) as { violations: { id: string; impact?: string | null; nodes: unknown[] }[] };
          return results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => `${violation.id} (${violation.nodes.length})`);
        });
        expect(findings, colorScheme).toEqual([]);
      } finally {
        await app.close();
      }
    }
  });
});
