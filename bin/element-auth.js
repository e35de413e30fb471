#!/usr/bin/env node
// element-auth: starts the built CLI, out/main/cli.js, shipped in the npm package (`npm pack` builds it)
// and made by `npm run build` in a checkout. V8's compiled code of the CLI is kept between runs.
const path = require('node:path');

try {
  require('../out/main/code-cache.js').useCodeCache(path.join(__dirname, '..', 'out', 'main') + path.sep);
  require('../out/main/cli.js');
} catch (error) {
  console.error(`element-auth: could not start (${error.message}). In a checkout, run npm run build first.`);
  process.exit(1);
}
