// Finds the Electron binary that `npm install electron` fetched, without fetching it: require('electron')
// would try to download it on the spot (no network here), so the same lookup is done by hand.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The path require('electron') would return, or undefined when the binary is not on this machine. */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && join(packageDir, 'dist', relative);
  return candidate && existsSync(candidate) ? candidate : undefined;
}
