// How large V8's young generation may grow while a command streams a long answer. An export holds one
// instance at a time, yet under its steady allocation V8 doubles the young generation up to 32 MB,
// most of the command's peak memory. Once it has reached 8 MB it stays there: measured (npm run bench,
// P5), the peak of 10,000 instances drops by about 20 MB and the time does not move. The flag is the
// whole process's: the CLI, which exits after its command, is the only caller, never the app.
// node:perf_hooks and node:v8 load with the export, not with every command (about 2 ms).

/** The young generation's size (both semi-spaces) at which it stops growing. */
export const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;

/** From now on, the young generation grows no more once it is `cap` bytes or larger (checked after each GC). */
export async function capYoungGeneration(cap = YOUNG_GENERATION_CAP): Promise<void> {
  const [{ PerformanceObserver }, { default: v8 }] = await Promise.all([
    import('node:perf_hooks'),
    import('node:v8'),
  ]);
  const youngGeneration = () =>
    v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
  const stopGrowing = () => v8.setFlagsFromString('--semi-space-growth-factor=1');
  if (youngGeneration() >= cap) {
    stopGrowing();
    return;
  }
  const afterGc = new PerformanceObserver(() => {
    if (youngGeneration() < cap) return;
    stopGrowing();
    afterGc.disconnect();
  });
  afterGc.observe({ entryTypes: ['gc'] });
}
