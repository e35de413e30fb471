// axe-core in the e2e page: injected with page.evaluate (the app's CSP refuses addScriptTag), run
// with the WCAG 2.0/2.1 A and AA rules, and a failure that lists each serious or critical finding.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = resolve(__dirname, '../../../node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

let axeSource: string | undefined;

export interface AxeFinding {
  rule: string;
  impact: string;
  target: string;
  summary: string;
}

interface AxeResultsLike {
  violations: {
    id: string;
    impact?: string | null;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/** The serious and critical violations on the page as it is now (every open layer included). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(AXE_SOURCE, 'utf8');
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axeSource);
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    TAGS,
  )) as AxeResultsLike;
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map((node) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        target: node.target.map(String).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
}

/** Every finding (impact, rule, target, summary) on its own line under the place; '' when clean. */
export async function axeReport(page: Page, where: string): Promise<string> {
  const findings = await axeFindings(page);
  if (findings.length === 0) return '';
  const lines = findings.map(
    (finding) => `- [${finding.impact}] ${finding.rule} at ${finding.target}: ${finding.summary}`,
  );
  return `axe on ${where}: ${findings.length} serious/critical\n${lines.join('\n')}`;
}

/** Waits until the page's CSS transitions (a colour scheme change, a modal opening) have run. */
export async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Switches the page's colour scheme and waits until Mantine and its transitions have followed. */
export async function setScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')))
    .toBe(scheme);
  await transitionsDone(page);
}

/** Throws, naming the place and every finding, when axe finds any. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const report = await axeReport(page, where);
  if (report) throw new Error(report);
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * axe (a finding fails the test softly, so it goes on) and a screenshot `<shot>[-WxH]-<scheme>`, in
 * light and dark, at each size given (the page's own size when none); the page ends light at its size.
 */
export async function checkSchemes(
  app: { page: Page; screenshot(name: string): Promise<string> },
  where: string,
  shot: string,
  sizes: Viewport[] = [],
): Promise<void> {
  const { page } = app;
  const own = page.viewportSize();
  await transitionsDone(page);
  for (const size of sizes.length > 0 ? sizes : [null]) {
    if (size) await page.setViewportSize(size);
    const at = size ? `-${size.width}x${size.height}` : '';
    for (const scheme of ['light', 'dark'] as const) {
      await setScheme(page, scheme);
      expect.soft(await axeReport(page, `${where} (${scheme}${size ? `, ${size.width}` : ''})`)).toBe('');
      await app.screenshot(`${shot}${at}-${scheme}`);
    }
  }
  await setScheme(page, 'light');
  if (own && sizes.length > 0) await page.setViewportSize(own);
}
