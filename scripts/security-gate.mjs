#!/usr/bin/env node
// The Electron security gate in `npm test`: Doyensec Electronegativity over main/, preload/ and renderer/
// as one app, offline; it fails on every finding that is not fixed or annotated inline with a reason.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';

/** The project to check: this repository, or the folder given as the first argument. */
const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const SOURCES = ['main', 'preload', 'renderer'];
const SCANNED = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.html']);

const require = createRequire(import.meta.url);
const scannerDir = join(require.resolve('@doyensec/electronegativity/package.json'), '..');

/**
 * An inline exception, on the line Electronegativity reports: `/* eng-disable CHECK_ID *\/`, with a one-line
 * reason as a `//` comment after it on the same line or on the line above. Electronegativity reads the
 * directive; this gate insists on the reason and on real check names.
 */
const DIRECTIVE = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable\b([\w \t,]*)(?:\*\/|-->)?(.*)$/;
const TRAILING_REASON = /(?:^|\s)(?:\/\/|<!--)\s*(\S.*?)\s*(?:-->)?\s*$/;
const LINE_ABOVE_REASON = /^\s*(?:\/\/|<!--)\s*(\S.*?)\s*(?:-->)?\s*$/;

const words = (text) => (text ?? '').split(/\s+/).filter(Boolean).length;

/** Every check id Electronegativity knows (atomic and global), to catch misspelt directives; after a scan (checks need its i18n). */
export function knownCheckIds() {
  const load = (path, name) => require(join(scannerDir, 'dist', 'finder', 'checks', path))[name];
  const classes = [...load('AtomicChecks', 'CHECKS'), ...load('GlobalChecks', 'GLOBAL_CHECKS')];
  return new Set(classes.map((Check) => new Check().id));
}

/** Checks one file's eng-disable annotations; returns one message per bad annotation. */
export function auditAnnotations(file, text, known) {
  const problems = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const where = `${file}:${index + 1}`;
    const ids = match[1].split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) problems.push(`${where}: eng-disable names no check.`);
    for (const id of ids) {
      if (!known.has(id.toUpperCase()))
        problems.push(`${where}: eng-disable names an unknown check "${id}".`);
    }
    const above = index > 0 && !DIRECTIVE.test(lines[index - 1]) ? lines[index - 1] : '';
    const reason = TRAILING_REASON.exec(match[2])?.[1] ?? LINE_ABOVE_REASON.exec(above)?.[1];
    if (words(reason) < 3) {
      problems.push(
        `${where}: eng-disable needs a one-line reason (a // comment after it or on the line above).`,
      );
    }
  });
  return problems;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SCANNED.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The CSP constant from main/electron/csp.ts, compiled with TypeScript and evaluated on its own. */
function contentSecurityPolicy() {
  const ts = require('typescript');
  const source = readFileSync(join(root, 'main', 'electron', 'csp.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } });
  const module = { exports: {} };
  new Function('module', 'exports', outputText)(module, module.exports);
  const csp = module.exports.CONTENT_SECURITY_POLICY;
  if (typeof csp !== 'string' || !csp)
    throw new Error('main/electron/csp.ts exports no CONTENT_SECURITY_POLICY');
  return csp;
}

/** A copy of the three source trees (and package.json, for the Electron version), with the CSP that the build writes into index.html. */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'element-auth-security-'));
  for (const source of SOURCES) cpSync(join(root, source), join(dir, source), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  const html = join(dir, 'renderer', 'index.html');
  writeFileSync(
    html,
    readFileSync(html, 'utf8').replaceAll('%CONTENT_SECURITY_POLICY%', contentSecurityPolicy()),
  );
  return dir;
}

/** Electronegativity fetches fresh translations on start; the gate answers that offline so it stays fast and deterministic. */
function keepScannerOffline() {
  const scannerRequire = createRequire(join(scannerDir, 'dist', 'locales', 'i18n.js'));
  const got = scannerRequire.resolve('got');
  const offline = () => Promise.reject(new Error('The security gate runs offline.'));
  require.cache[got] = { id: got, filename: got, loaded: true, exports: offline };
}

/** Runs Electronegativity on the staged copy; returns its open findings (inline-disabled ones are already dropped) and parse errors. */
async function scan(dir) {
  keepScannerOffline();
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;
  const quiet = console.log;
  console.log = () => {};
  try {
    const result = await run({
      input: dir,
      isRelative: true,
      customScan: [],
      excludeFromScan: [],
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    return {
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: issue.file === 'N/A' ? '(whole app)' : issue.file,
        line: issue.location?.line ?? 0,
        message: issue.description,
      })),
      errors: result.errors.filter((error) => !error.tolerable),
    };
  } finally {
    console.log = quiet;
  }
}

async function main() {
  const started = Date.now();
  const dir = stage();
  let scanned;
  try {
    scanned = await scan(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { findings, errors: scanErrors } = scanned;
  const known = knownCheckIds();
  const annotationProblems = SOURCES.flatMap((source) =>
    sourceFiles(join(root, source)).flatMap((file) =>
      auditAnnotations(relative(root, file), readFileSync(file, 'utf8'), known),
    ),
  );

  for (const error of scanErrors)
    console.error(`✖ could not scan ${relative(dir, error.file)}: ${error.message}`);
  for (const finding of findings) {
    console.error(`✖ ${finding.check} at ${finding.file}:${finding.line} — ${finding.message}`);
  }
  for (const problem of annotationProblems) console.error(`✖ ${problem}`);
  const failures = scanErrors.length + findings.length + annotationProblems.length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures > 0) {
    console.error(
      `\nSecurity gate: ${failures} problem(s) in ${seconds}s. Fix each finding, or annotate the line with ` +
        '`/* eng-disable CHECK_ID */` and a // comment saying why it is safe.',
    );
    process.exit(1);
  }
  console.log(
    `Security gate: Electronegativity found nothing open in ${SOURCES.join('/, ')}/ (${seconds}s).`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
