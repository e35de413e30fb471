#!/usr/bin/env node
// element-auth: starts the built CLI, out/main/cli.js, shipped in the npm package (`npm pack` builds it)
// and made by `npm run build` in a checkout.
try {
  require('../out/main/cli.js');
} catch (error) {
  console.error(`element-auth: could not start (${error.message}). In a checkout, run npm run build first.`);
  process.exit(1);
}
