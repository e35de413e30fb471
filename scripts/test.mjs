#!/usr/bin/env node
// `npm test`: typecheck, lint, the security gate, then every vitest project (unit, renderer,
// integration against the real keychain, e2e in Chromium) inside a keyring session when needed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

step('Typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('Lint', 'npx', ['eslint', '.']);
step('Format', 'npx', ['prettier', '--check', '.']);
step('Import cycles', 'node', ['scripts/check-cycles.mjs']);
if (existsSync(join(root, 'scripts', 'security-gate.mjs'))) {
  step('Security gate (Electronegativity)', 'node', ['scripts/security-gate.mjs']);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
console.log('\n▶ Tests (unit, renderer, integration, e2e)');
const tests = spawnSync(
  'node',
  [
    'scripts/with-keyring.mjs',
    'npx',
    'vitest',
    'run',
    '--project=unit',
    '--project=renderer',
    '--project=integration',
    '--project=e2e',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { cwd: root, stdio: 'inherit' },
);

if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(
    `\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`,
  );
}
process.exit(tests.status ?? 1);
