// Lint rules for the whole tree: typescript-eslint (typed for the source, so switches over unions
// must be exhaustive), React hooks, file size, and the boundaries of DESIGN.md's layout.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SOURCE = ['common/**/*.{ts,tsx}', 'main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'];

const electronOnlyAtTheEdge = {
  name: 'electron',
  message: 'Only main/index.ts and main/electron/ import electron (DESIGN rule 1).',
};
const ipcOnlyInTheBridge = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'IPC lives in main/electron/ and preload/ only (DESIGN rule 2).',
};

/** One no-restricted-imports rule from forbidden folder patterns (relative imports included). */
function boundary(paths, folders, message) {
  return [
    'error',
    { paths, patterns: folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message })) },
  ];
}

const features = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shell')
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [ipcOnlyInTheBridge] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: SOURCE,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The CLI's launcher is CommonJS: it requires the built CLI without the ES module loader.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/electron/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': boundary(
        [electronOnlyAtTheEdge],
        ['main', 'preload', 'renderer'],
        'common/ is what every process shares: it imports nothing of main, preload or renderer (DESIGN layout).',
      ),
    },
  },
  {
    files: ['main/services/**'],
    rules: {
      'no-restricted-imports': boundary(
        [electronOnlyAtTheEdge],
        ['router', 'electron', 'cli', 'renderer', 'preload'],
        'Services import no router, electron glue, CLI or renderer: they take ports (DESIGN rules 1 and 8).',
      ),
    },
  },
  {
    files: ['main/router/**', 'main/cli/**'],
    rules: {
      'no-restricted-imports': boundary(
        [electronOnlyAtTheEdge],
        ['electron', 'renderer', 'preload'],
        'The router and the CLI run without Electron and import no renderer (DESIGN rule 1).',
      ),
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': boundary(
        [electronOnlyAtTheEdge],
        ['main', 'preload'],
        'The renderer imports common/ only, never main/ or preload/ (DESIGN rule 8).',
      ),
    },
  },
  {
    files: ['renderer/models/**'],
    rules: {
      'no-restricted-imports': boundary(
        [electronOnlyAtTheEdge],
        ['main', 'preload', 'features', 'stores'],
        'Models are pure data and rules: they import no store and no feature (DESIGN rule 7).',
      ),
    },
  },
  {
    files: ['renderer/stores/**'],
    rules: {
      'no-restricted-imports': boundary(
        [electronOnlyAtTheEdge],
        ['main', 'preload', 'features'],
        'Stores import no features: a feature reads the store, never the other way (DESIGN rule 8).',
      ),
    },
  },
  ...features.map((feature) => {
    const others = features.filter((other) => other !== feature);
    const message =
      'A feature imports no other feature; shared UI lives in renderer/features/shell (DESIGN rule 8).';
    const [level, options] = boundary([electronOnlyAtTheEdge], ['main', 'preload'], message);
    const sibling = { regex: `^(\\.\\./|.*/features/)(${others.join('|')})(/|$)`, message };
    return {
      files: [`renderer/features/${feature}/**`],
      rules: { 'no-restricted-imports': [level, { ...options, patterns: [...options.patterns, sibling] }] },
    };
  }),
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
