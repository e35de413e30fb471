#!/usr/bin/env node
// Runs a command where the OS keychain works. On Linux without a session bus it starts its own
// D-Bus session with a fresh, unlocked gnome-keyring for the run; elsewhere it runs the command as is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-keyring.mjs <command> [args...]');
  process.exit(2);
}

function run(file, argv, env = process.env) {
  const result = spawnSync(file, argv, { stdio: 'inherit', env });
  if (result.error) {
    console.error(`Could not start ${file}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

const needsSession = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS;
if (!needsSession) process.exit(run(command, args));

const hasTools = ['dbus-run-session', 'gnome-keyring-daemon'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0,
);
if (!hasTools) {
  console.error(
    'No D-Bus session and no dbus-run-session/gnome-keyring-daemon to start one.\n' +
      'Install them: sudo apt-get install -y dbus gnome-keyring libsecret-1-dev (see README).',
  );
  process.exit(1);
}

// A throwaway keyring in its own folder (XDG_DATA_HOME), so no keyring left on the machine, with
// another password, can stay locked; its password never leaves this process tree.
const keyringHome = mkdtempSync(join(tmpdir(), 'element-auth-keyring-'));
const inner =
  'echo -n element-auth-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
const status = run('dbus-run-session', ['--', 'sh', '-c', inner, 'with-keyring', command, ...args], {
  ...process.env,
  XDG_DATA_HOME: keyringHome,
});
rmSync(keyringHome, { recursive: true, force: true });
process.exit(status);
