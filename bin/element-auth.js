#!/usr/bin/env node
// element-auth: starts the built CLI, out/main/cli.js (made by `npm run build`).
import('../out/main/cli.js').catch((error) => {
  console.error(`element-auth: could not start (${error.message}). Run npm run build first.`);
  process.exit(1);
});
