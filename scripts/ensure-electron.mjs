#!/usr/bin/env node
// Makes sure the Electron binary is on this machine before `npm run dev|start|test:electron|dist` run:
// Electron 45 has no install script and downloads it lazily, so a fresh clone has none until this fetches it.
//
//   node scripts/ensure-electron.mjs [--optional] [--installer] [command args...]
//
// Runs node_modules/electron/install.js (a no-op when the binary is there). When it cannot fetch the binary,
// prints the plain next step and stops, or with --optional goes on with ELEMENT_AUTH_NO_ELECTRON set to why.
// --installer also checks the Node version electron-builder's tools need. Then runs the command, if any.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** electron-builder 26, @electron/get and @electron/rebuild want this Node (see README). */
export const INSTALLER_NODE = [22, 12];

/** The last line of the installer's error that says something, for the message. */
function causeOf(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  return lines.at(-1) ?? 'no output';
}

/** Runs Electron's own install.js; { ok: true } when the binary is there afterwards. */
export function fetchElectron(installScript) {
  const result = spawnSync(process.execPath, [installScript], { encoding: 'utf8' });
  if (result.error) return { ok: false, cause: result.error.message };
  if (result.status === 0) return { ok: true };
  return { ok: false, cause: causeOf(`${result.stdout ?? ''}\n${result.stderr ?? ''}`) };
}

/** The plain next step when the binary could not be fetched. */
export function missingElectronMessage(cause, script) {
  const again = script ? `npm run ${script}` : 'the command';
  return [
    `The Electron binary is not on this machine, and it could not be downloaded (${cause}).`,
    'Electron fetches it from GitHub the first time it is needed. Next step: on a machine that reaches',
    'github.com (or with ELECTRON_MIRROR set to a mirror you can reach), run',
    '  node node_modules/electron/install.js',
    `then ${again} again.`,
  ].join('\n');
}

/** The message when this Node is too old for building installers, or null when it is fine. */
export function installerNodeProblem(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = INSTALLER_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `Building installers needs Node ${needMajor}.${needMinor} or later (electron-builder and @electron/rebuild), ` +
    `and this is Node ${version}. Next step: install Node ${needMajor} LTS (nvm install 22), then npm run dist again.`
  );
}

function main(argv) {
  const optional = argv.includes('--optional');
  const installer = argv.includes('--installer');
  const [command, ...args] = argv.filter((arg) => arg !== '--optional' && arg !== '--installer');
  const script = process.env.npm_lifecycle_event;
  const env = { ...process.env };

  if (installer) {
    const problem = installerNodeProblem(process.version);
    if (problem) {
      console.error(problem);
      return 1;
    }
  }
  const require = createRequire(import.meta.url);
  const fetched = fetchElectron(join(dirname(require.resolve('electron/package.json')), 'install.js'));
  if (!fetched.ok) {
    console.error(missingElectronMessage(fetched.cause, script));
    if (!optional) return 1;
    env.ELEMENT_AUTH_NO_ELECTRON = fetched.cause;
  }
  if (!command) return 0;
  // npm puts node_modules/.bin on PATH; Windows needs a shell for its .cmd shims.
  const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`Could not start ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
