#!/usr/bin/env node
// Runs a command where the OS keychain works. On Linux without a session bus it starts its own
// D-Bus session with an unlocked gnome-keyring for the run; elsewhere it runs the command as is.
import { spawnSync } from 'node:child_process';

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

// The keyring's password is a throwaway for this private session; it never leaves this process tree.
const inner =
  'echo -n element-auth-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
process.exit(run('dbus-run-session', ['--', 'sh', '-c', inner, 'with-keyring', command, ...args]));
