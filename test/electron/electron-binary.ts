// Finds the Electron binary (scripts/ensure-electron.mjs fetches it before `npm run test:electron`) without
// fetching it, says why when it is missing, and picks the sandbox flag this Linux machine needs.
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** Why the Electron tests are skipped: the fetch's cause when scripts/ensure-electron.mjs tried and failed. */
export function skipReason(env: NodeJS.ProcessEnv = process.env): string {
  const cause = env.ELEMENT_AUTH_NO_ELECTRON;
  const why = cause
    ? `it could not be downloaded (${cause})`
    : 'it was not fetched (run these tests with npm run test:electron, which fetches it)';
  return `no Electron binary on this machine: ${why}; on a machine that reaches github.com run node node_modules/electron/install.js`;
}

export interface SandboxFacts {
  platform: NodeJS.Platform;
  uid: number | undefined;
  /** Owner and mode of the chrome-sandbox helper next to the binary, when there is one. */
  chromeSandbox: { uid: number; mode: number } | undefined;
  /** Ubuntu 23.10+ (AppArmor) or a kernel setting forbids unprivileged user namespaces. */
  userNamespacesRestricted: boolean;
}

/**
 * The flags Electron needs to start here. Chromium sandboxes with user namespaces, else with the SUID helper
 * chrome-sandbox (root-owned, mode 4755). As root, or with neither available (a fresh node_modules on Ubuntu
 * 23.10+), it aborts: the tests then run it with --no-sandbox; README says how to set up the helper instead.
 */
export function sandboxArgs(facts: SandboxFacts): string[] {
  if (facts.platform !== 'linux') return [];
  if (facts.uid === 0) return ['--no-sandbox'];
  const helper = facts.chromeSandbox;
  const suidReady = !!helper && helper.uid === 0 && (helper.mode & 0o4000) !== 0;
  return facts.userNamespacesRestricted && !suidReady ? ['--no-sandbox'] : [];
}

const readNumber = (file: string) => {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch {
    return undefined;
  }
};

/** The facts of this machine for the binary at binaryPath. */
export function sandboxFacts(binaryPath: string): SandboxFacts {
  const helperPath = join(dirname(binaryPath), 'chrome-sandbox');
  const helper = existsSync(helperPath) ? statSync(helperPath) : undefined;
  return {
    platform: process.platform,
    uid: process.getuid?.(),
    chromeSandbox: helper && { uid: helper.uid, mode: helper.mode },
    userNamespacesRestricted:
      readNumber('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === 1 ||
      readNumber('/proc/sys/kernel/unprivileged_userns_clone') === 0,
  };
}
