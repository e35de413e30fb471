// The export's memory bound: once capYoungGeneration is called, V8's young generation stops growing at
// the cap under an export's allocation, where it would otherwise double to 32 MB. Each run is its own
// Node process (the flag is the process's), allocating as a streaming export does.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_CAP } from '../../../../main/cli/young-generation';

const youngGenerationAfterExport = (mode: 'capped' | 'free') => {
  const child = spawnSync(
    process.execPath,
    [
      path.resolve('node_modules/jiti/lib/jiti-cli.mjs'),
      path.resolve('test/unit/main/cli/young-generation-child.ts'),
      mode,
    ],
    { encoding: 'utf8' },
  );
  expect(child.stderr).toBe('');
  return Number(child.stdout);
};

describe('capYoungGeneration', () => {
  it('keeps the young generation at the cap where it would grow past it', () => {
    expect(youngGenerationAfterExport('free')).toBeGreaterThan(YOUNG_GENERATION_CAP);
    expect(youngGenerationAfterExport('capped')).toBeLessThanOrEqual(YOUNG_GENERATION_CAP);
  });
});
