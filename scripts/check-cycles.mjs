#!/usr/bin/env node
// Finds import cycles among the source files, type-only imports included (a cycle of types is still a knot):
// `node scripts/check-cycles.mjs [root]` prints each cycle and exits 1, or says none and exits 0.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDERS = ['common', 'main', 'preload', 'renderer'];
const EXTENSIONS = ['.ts', '.tsx'];
/** `import x from './a'`, `import type`, `import './a'`, `export { x } from './a'`, `export * from './a'`. */
const STATEMENT = /^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, `index${e}`)),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The import graph: file → files it imports. */
export function importGraph(root) {
  const graph = new Map();
  for (const file of FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)))) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(STATEMENT)]
      .map((match) => resolveImport(file, match[1]))
      .filter(Boolean);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every strongly connected group of two or more files (or a file importing itself): Tarjan's algorithm. */
export function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const cycles = findCycles(importGraph(root));
  for (const cycle of cycles) {
    console.error(`Import cycle: ${cycle.map((file) => relative(root, file)).join(' → ')}`);
  }
  if (cycles.length > 0) process.exit(1);
  console.log('No import cycles.');
}
