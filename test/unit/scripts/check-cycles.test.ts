// The import-cycle check: a knot of files (type imports included) is found and named, a tree
// without one passes, and the project's own source has none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { findCycles, importGraph } from '../../../scripts/check-cycles.mjs';

const ROOT = resolve(__dirname, '../../..');
let tree: string | undefined;
afterEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
  tree = undefined;
});

function write(files: Record<string, string>): string {
  tree = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  return tree;
}

const cyclesIn = (root: string): string[][] =>
  (findCycles(importGraph(root)) as string[][]).map((cycle) =>
    cycle.map((file) => relative(root, file)).sort(),
  );

describe('check-cycles', () => {
  it('names the files of a cycle that goes through a type import and a multi-line import', () => {
    const root = write({
      'main/cli/command.ts': "import type { Context } from './context';\nexport const a = 1;\n",
      'main/cli/context.ts':
        "import {\n  SECRETS,\n} from './secrets';\nexport type Context = typeof SECRETS;\n",
      'main/cli/secrets.ts': "import { a } from './command';\nexport const SECRETS = a;\n",
      'main/cli/leaf.ts': "import { a } from './command';\nexport const b = a;\n",
    });
    expect(cyclesIn(root)).toEqual([['main/cli/command.ts', 'main/cli/context.ts', 'main/cli/secrets.ts']]);
  });

  it('follows index files and export-from, and passes a tree without a knot', () => {
    const root = write({
      'common/index.ts': "export * from './urls';\n",
      'common/urls.ts': 'export const x = 1;\n',
      'renderer/app.tsx': "import { x } from '../common';\nexport const y = x;\n",
    });
    expect(cyclesIn(root)).toEqual([]);
    const knotted = write({
      'common/index.ts': "export * from './urls';\n",
      'common/urls.ts': "import { y } from '../renderer/app';\nexport const x = y;\n",
      'renderer/app.tsx': "import { x } from '../common';\nexport const y = x;\n",
    });
    expect(cyclesIn(knotted)).toHaveLength(1);
  });

  it('finds none in the project itself', () => {
    expect(cyclesIn(ROOT)).toEqual([]);
  });
});
