#!/usr/bin/env node
// Runs a Node script in this very process and, as it exits, writes its peak resident memory (KiB)
// to file descriptor 3: `node peak-rss.mjs script.js args…`. Both sides of a pairing use it alike.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // No fd 3: run by hand, nothing to report.
  }
});
await import(pathToFileURL(resolve(script)).href);
