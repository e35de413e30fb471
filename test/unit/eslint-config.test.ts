// The lint configuration holds DESIGN.md's boundaries: one probe file per rule, written into the
// real tree for a moment and linted with the project's config, must be refused by that rule.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });
const written: string[] = [];
afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

/** Lints `code` as if it were a file at `folder/<probe>.ts(x)`; returns the rule ids reported. */
async function rulesBroken(folder: string, code: string, extension = 'ts'): Promise<string[]> {
  const file = join(ROOT, folder, `zz-lint-probe-${randomBytes(4).toString('hex')}.${extension}`);
  written.push(file);
  writeFileSync(file, code);
  try {
    const [result] = await eslint.lintFiles([file]);
    return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('lint boundaries', { timeout: 120_000 }, () => {
  it.each([
    ['a service importing the router', 'main/services', "import '../router/router';\n"],
    ['a service importing electron', 'main/services', "import 'electron';\n"],
    ['a service importing the CLI', 'main/services/tenants', "import '../../cli/format';\n"],
    ['the renderer importing main', 'renderer', "import '../main/services/errors';\n"],
    ['a store importing a feature', 'renderer/stores', "import '../features/shell/empty-state';\n"],
    [
      'a feature importing another feature',
      'renderer/features/instances',
      "import '../tenants/tenant-badge';\n",
    ],
    ['common importing main', 'common', "import '../main/services/errors';\n"],
  ])('refuses %s', async (_what, folder, code) => {
    expect(await rulesBroken(folder, code)).toContain('no-restricted-imports');
  });

  it('lets a feature use the shared shell and common/', async () => {
    const code =
      "import { ModalFooter } from '../shell/modal-footer';\nimport { APP_SCHEME } from '../../../common/urls';\n" +
      'export const probe = [ModalFooter, APP_SCHEME];\n';
    expect(await rulesBroken('renderer/features/instances', code, 'tsx')).toEqual([]);
  });

  it('refuses a switch over a union that misses a case', async () => {
    const code =
      "type Door = 'protocol' | 'loopback' | 'paste';\n" +
      'export function label(door: Door): string {\n  switch (door) {\n' +
      "    case 'protocol':\n      return 'app';\n    case 'loopback':\n      return 'listener';\n  }\n  return '';\n}\n";
    expect(await rulesBroken('main/services', code)).toContain(
      '@typescript-eslint/switch-exhaustiveness-check',
    );
  });

  it('refuses a source file over 300 lines of code', async () => {
    const code = Array.from({ length: 301 }, (_, n) => `export const line${n} = ${n};`).join('\n') + '\n';
    expect(await rulesBroken('common', code)).toContain('max-lines');
  });
});
