import { it } from 'vitest';
import { launchApp } from '../test/e2e/harness/app-harness';
import { startFakePlatform } from '../test/fakes/platform-server';
import { activeTenantOn } from '../test/e2e/helpers/tenant-on-fake';
it('profile', async () => {
  const app = await launchApp({ extraChromiumFlags: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  const platform = await startFakePlatform();
  platform.seedInstances(10_000, { namePrefix: 'bulk', tags: ['bulk'] });
  await activeTenantOn(app, platform, 'Bench Corp');
  await app.page.getByRole('navigation', { name: 'Main navigation' }).getByText('Instances', { exact: true }).click();
  await app.page.getByTestId('instance-row').first().waitFor();
  await app.page.getByLabel('Filter instances').focus();
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  for (const [label, before, key] of [['grow', 'bulk-1', 'Backspace'], ['shrink', 'bulk-', '1']] as const) {
    const totals: Record<string, number> = {};
    for (let round = 0; round < 4; round++) {
      await app.page.getByLabel('Filter instances').fill(before);
      await app.page.waitForTimeout(300);
      await cdp.send('Profiler.start');
      await app.page.keyboard.press(key);
      await app.page.waitForTimeout(200);
      const { profile } = (await cdp.send('Profiler.stop')) as any;
      const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const dt = profile.timeDeltas as number[];
      profile.samples.forEach((id: number, i: number) => {
        const seen = new Set<string>();
        let self = true;
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const n = byId.get(cur);
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
          if (self) { totals['SELF ' + k] = (totals['SELF ' + k] ?? 0) + (dt[i] ?? 0) / 4000; self = false; }
          if (seen.has(k)) continue;
          seen.add(k);
          totals[k] = (totals[k] ?? 0) + (dt[i] ?? 0) / 1000 / 4;
        }
      });
    }
    console.log(label + '\n' + Object.entries(totals).filter(([k]) => !/\((idle|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `TT ${v.toFixed(1)} ${k}`).join('\n'));
  }
  await app.close(); await platform.close();
}, 120000);
