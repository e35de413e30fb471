// A locked keyring (the login collection locked over D-Bus, in a Secret Service of this test's own):
// every command says the keychain is locked and what was not done, never "enter it again".
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, createWorld, ORG_SECRET, USER_SECRET, type CliWorld } from './cli-helpers';

const ROOT = path.resolve(__dirname, '../..');
let world: CliWorld;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('locked');
}, 120_000);

afterAll(async () => {
  await world.close();
});

const LOCK =
  'dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets ' +
  'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';

/**
 * Runs the steps in a D-Bus session and keyring of their own (scripts/with-keyring.mjs starts one
 * when there is no session bus), so locking it cannot disturb other tests. Returns each step's output.
 */
function inOwnLockedKeyring(steps: Record<string, string[]>): Record<string, string> {
  const cli = (args: string[]) => ['node', 'bin/element-auth.js', ...args].map((arg) => `'${arg}'`).join(' ');
  const script = [
    `${cli(['tenant', 'add', 'Acme', '--env', world.platform.baseUrl])} >/dev/null`,
    LOCK,
    ...Object.entries(steps).map(([name, args]) => `echo "### ${name}"; ${cli(args)} 2>&1; echo "exit=$?"`),
  ].join('\n');
  const env = world.env({ ELEMENT_AUTH_ORG_SECRET: ORG_SECRET, ELEMENT_AUTH_USER_SECRET: USER_SECRET });
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const result = spawnSync(process.execPath, ['scripts/with-keyring.mjs', 'sh', '-c', script], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const sections = result.stdout.split(/^### /m).slice(1);
  return Object.fromEntries(sections.map((section) => [section.split('\n')[0], section]));
}

describe('a locked keyring', () => {
  it('is told as locked, with what was and was not done', () => {
    const out = inOwnLockedKeyring({
      list: ['instances', 'list', '--tenant', 'Acme'],
      add: ['tenant', 'add', 'Globex', '--env', world.platform.baseUrl],
      remove: ['tenant', 'remove', 'Acme', '--yes'],
      doctor: ['doctor'],
      tenants: ['tenant', 'list'],
    });
    for (const step of ['list', 'add', 'remove', 'doctor']) {
      expect(out[step], step).toContain('The keychain is locked');
      expect(out[step], step).toContain('exit=1');
      expect(out[step], step).not.toMatch(/enter it again|not available/i);
    }
    expect(out.add).toContain('Globex was not added.');
    expect(out.remove).toContain('Acme was not removed.');
    expect(out.tenants).toMatch(/Acme/);
    expect(out.tenants).not.toMatch(/Globex/);
  }, 150_000);
});
