// The built element-auth CLI, instances commands: list, export (redacted, with secrets to a 0600
// file), test (exit 0 only when the ping succeeds) and delete (confirmation), against the fake.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import {
  addTenant,
  authenticateViaLoopback,
  buildCliOnce,
  createWorld,
  readTree,
  runOnTerminal,
  type CliWorld,
} from './cli-helpers';
import type { FakeInstance } from '../fakes/platform-server';

let world: CliWorld;
let acme: { id: string };
let created: number;
let seeded: number[];

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('instances');
  acme = await addTenant(world, 'Acme');
  await addTenant(world, 'Wrong Secrets', {
    org: 'ORG-not-the-right-one-1234',
    user: 'USR-not-the-right-one-5678',
  });
  seeded = world.platform
    .seedInstances(2, { namePrefix: 'seeded', tags: ['bulk'] })
    .map((instance) => instance.id);
  created = await authenticateViaLoopback(world, 'Acme Main');
  platformSecrets = [...world.platform.instances.values()]
    .flatMap((instance) => [
      instance.token,
      instance.configuration['oauth.user.token'] ?? '',
      instance.configuration['oauth.user.refresh_token'] ?? '',
    ])
    .filter((secret) => secret.length > 8);
}, 120_000);

const cleanups: string[] = [];

afterAll(async () => {
  await world.close();
  for (const file of cleanups) await rm(file, { force: true });
});

/** Tokens and OAuth tokens of every instance the platform had, taken before any is deleted. */
let platformSecrets: string[] = [];

describe('element-auth instances', () => {
  it("lists the active tenant's instances as a table or JSON; --tenant with wrong secrets fails (401)", async () => {
    const table = await world.run(['instances', 'list']);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('Acme: 3 instances\n');
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+ELEMENT\s+CREATED\s+STATUS\s+TAGS$/);
    expect(lines.find((line) => line.startsWith(String(seeded[0])))).toMatch(
      /seeded-\d+\s+zohocrmv2\s+\S+\s+valid\s+bulk$/,
    );
    expect(lines.find((line) => line.startsWith(String(created)))).toMatch(/Acme Main\s+zohocrmv2/);

    const json = JSON.parse((await world.run(['instances', 'list', '--json'])).stdout) as {
      tenantName: string;
      instances: { id: number }[];
    };
    expect(json.tenantName).toBe('Acme');
    expect(json.instances.map((instance) => instance.id).sort()).toEqual([...seeded, created].sort());

    const refused = await world.run(['instances', 'list', '--tenant', 'Wrong Secrets']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^element-auth: The platform refused this tenant's organization or user secret \(401\)/,
    );
    const unknown = await world.run(['instances', 'list', '--tenant', 'Nobody']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'element-auth: There is no tenant “Nobody”.\n' });
  });

  it("exports the app's document: redacted on stdout, chosen ids, with secrets to an owner-only file", async () => {
    const redacted = await world.run(['instances', 'export', '--all']);
    expect(redacted.code).toBe(0);
    const document = JSON.parse(redacted.stdout) as {
      format: string;
      secretsIncluded: boolean;
      tenant: { name: string };
      instances: { id: number; token: string }[];
    };
    expect(document).toMatchObject({
      format: 'element-authenticator/instances@1',
      secretsIncluded: false,
      tenant: { name: 'Acme' },
    });
    expect(document.instances).toHaveLength(3);
    expect(document.instances.every((instance) => instance.token === '********')).toBe(true);
    for (const secret of platformSecrets) expect(redacted.stdout).not.toContain(secret);

    const picked = JSON.parse(
      (await world.run(['instances', 'export', String(created), String(seeded[1])])).stdout,
    ) as {
      instances: { id: number }[];
    };
    expect(picked.instances.map((instance) => instance.id)).toEqual([created, seeded[1]]);

    // Not in the data folder (world.home): exports there are refused.
    const out = path.join(path.dirname(world.home), `${path.basename(world.home)}-with-secrets.json`);
    cleanups.push(out);
    const full = await world.run(['instances', 'export', String(created), '--include-secrets', '--out', out]);
    expect(full).toMatchObject({ code: 0, stdout: '' });
    expect(full.stderr).toBe(`Exported 1 instance of Acme to ${out}, secrets included (owner-only file).\n`);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const token = await world.store.get(secretAccounts.instanceToken(acme.id, created));
    expect(token).toBe(world.platform.instances.get(created)?.token);
    expect(await readFile(out, 'utf8')).toContain(token);
  });

  it('refuses a bad export selection (exit 2) and an unknown id (exit 1)', async () => {
    for (const args of [[], ['--all', '1'], ['abc'], ['--all', '--out', '']]) {
      const result = await world.run(['instances', 'export', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
    }
    const missing = await world.run(['instances', 'export', '999999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('element-auth: Acme no longer has instance 999999. Refresh the list.\n');
  });

  it('tests an instance: exit 0 when the ping succeeds, 1 when the token is refused', async () => {
    const ok = await world.run(['instances', 'test', String(created)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: the platform accepted the instance token\. Platform time: .+\.\n$/);
    const seededOk = await world.run(['instances', 'test', String(seeded[0]), '--json']);
    expect(seededOk.code).toBe(0);
    expect(JSON.parse(seededOk.stdout)).toMatchObject({ ok: true });

    const instance = world.platform.instances.get(created) as FakeInstance;
    world.platform.instances.delete(created);
    const refused = await world.run(['instances', 'test', String(created)]);
    world.platform.instances.set(created, instance);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('element-auth: The instance token is invalid or the instance was deleted.\n');
  });

  it('deletes only when confirmed: refuses without a terminal, deletes with --yes (and the keychain token)', async () => {
    const refused = await world.run(['instances', 'delete', String(seeded[0])]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^element-auth: Refusing to delete instance \d+ “seeded-\d+” of Acme without confirmation: stdin is not a terminal\. Pass --yes\./,
    );
    expect(world.platform.instances.has(seeded[0] ?? 0)).toBe(true);

    const account = secretAccounts.instanceToken(acme.id, created);
    expect(await world.store.get(account)).not.toBeNull();
    const yes = await world.run(['instances', 'delete', String(created), '--yes', '--json']);
    expect(yes.code).toBe(0);
    expect(JSON.parse(yes.stdout)).toEqual({ deleted: { id: created, name: 'Acme Main' }, tenant: 'Acme' });
    expect(world.platform.instances.has(created)).toBe(false);
    expect(await world.store.get(account)).toBeNull();
  });

  it.runIf(process.platform === 'linux')(
    'on a terminal, deletes only after the instance name is typed',
    async () => {
      const name = world.platform.instances.get(seeded[0] ?? 0)?.name ?? '';
      const wrong = await runOnTerminal(
        world,
        ['instances', 'delete', String(seeded[0])],
        [[/Type its name to confirm: /, 'not it']],
      );
      expect(wrong.code).toBe(1);
      expect(wrong.transcript).toContain('The name did not match: nothing was deleted from Acme.');
      const typed = await runOnTerminal(
        world,
        ['instances', 'delete', String(seeded[0])],
        [[/Type its name to confirm: /, name]],
      );
      expect(typed.code).toBe(0);
      expect(typed.transcript).toContain(`Deleted instance ${seeded[0]} “${name}” of Acme.`);
      expect(world.platform.instances.has(seeded[0] ?? 0)).toBe(false);
    },
  );

  it('prints --help for every instances command', async () => {
    for (const command of ['list', 'export', 'test', 'delete']) {
      const result = await world.run(['instances', command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: element-auth instances ${command}`));
    }
  });

  it('leaves no token on stdout (without --include-secrets), in the data folder or in argv', async () => {
    const secrets = platformSecrets;
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const out of world.stdoutLog) for (const secret of secrets) expect(out).not.toContain(secret);
    for (const [file, text] of await readTree(world.home)) {
      if (file === 'with-secrets.json') continue;
      for (const secret of secrets) expect(text, file).not.toContain(secret);
    }
    for (const secret of secrets) expect(world.argvLog.flat()).not.toContain(secret);
  });
});
