// npm run bench: runs every bench/*.bench.ts one after another (TypeScript through jiti, no build),
// or only those named on the command line. Not part of npm test: timings are printed, not asserted.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const here = path.dirname(fileURLToPath(import.meta.url));
const jiti = createJiti(import.meta.url);
const named = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => named.length === 0 || named.some((name) => file.includes(name)))
  .sort();
for (const file of files) {
  const bench = await jiti.import(path.join(here, file));
  await bench.default();
}
