// The built element-auth CLI, tenant commands: add, list, use, remove against the real keychain,
// secrets only from the environment or a hidden prompt, usage errors (exit 2) and http refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretAccounts } from '../../main/services/tenants/secret-accounts';
import {
  addTenant,
  buildCliOnce,
  createWorld,
  indexedStore,
  ORG_SECRET,
  readTree,
  runOnTerminal,
  USER_SECRET,
  type CliWorld,
} from './cli-helpers';
import { keychainAccounts } from '../support/keychain-items';

let world: CliWorld;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('tenants');
}, 120_000);

afterAll(async () => {
  await world.close();
});

const SECRET_ENV = { ELEMENT_AUTH_ORG_SECRET: ORG_SECRET, ELEMENT_AUTH_USER_SECRET: USER_SECRET };

describe('element-auth tenant', () => {
  it('adds tenants (preset and platform URL), lists them, and switches the active one', async () => {
    const added = await world.run(['tenant', 'add', 'Acme', '--env', 'eu'], { env: SECRET_ENV });
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Tenant:\s+Acme/);
    expect(added.stdout).toContain('https://api.cloud-elements.co.uk/elements/api-v2');
    expect(added.stdout).toMatch(/Org secret:\s+••••efAB/);
    expect(added.stdout).toMatch(/Active:\s+yes/);

    const local = await addTenant(world, 'Local Fake');
    expect(local).toMatchObject({ name: 'Local Fake', active: false });
    expect(await world.store.get(secretAccounts.orgSecret(local.id))).toBe(ORG_SECRET);
    expect(await world.store.get(secretAccounts.userSecret(local.id))).toBe(USER_SECRET);

    const listed = await world.run(['tenant', 'list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ACTIVE\s+NAME\s+ENVIRONMENT/);
    expect(lines.find((line) => line.includes('Acme'))).toMatch(/^\*\s+Acme\s+EU/);
    expect(lines.find((line) => line.includes('Local Fake'))).toMatch(/^\s+Local Fake\s+127\.0\.0\.1:\d+/);

    const used = await world.run(['tenant', 'use', 'local fake']);
    expect(used).toMatchObject({ code: 0, stdout: 'Active tenant: Local Fake\n' });
    const json = await world.run(['tenant', 'list', '--json']);
    const parsed = JSON.parse(json.stdout) as { activeTenantId: string; tenants: { name: string }[] };
    expect(parsed.activeTenantId).toBe(local.id);
    expect(parsed.tenants.map((tenant) => tenant.name)).toEqual(['Acme', 'Local Fake']);
  });

  it('refuses a duplicate name and a plain-http platform URL to a remote host (exit 1, nothing stored)', async () => {
    const duplicate = await world.run(['tenant', 'add', 'ACME', '--env', 'us'], { env: SECRET_ENV });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toBe(
      'element-auth: A tenant named “Acme” already exists. Choose another name.\n',
    );

    const before = keychainAccounts(world.store.service).length;
    const http = await world.run(
      ['tenant', 'add', 'Plain', '--env', 'http://api.example.com/elements/api-v2'],
      {
        env: SECRET_ENV,
      },
    );
    expect(http.code).toBe(1);
    expect(http.stderr).toMatch(
      /^element-auth: Plain http is only for this computer \(127\.0\.0\.1, localhost or \[::1\]\); use https for anything else\.\n$/,
    );
    expect(keychainAccounts(world.store.service).length).toBe(before);
  });

  it('answers usage errors with exit 2 and a pointer to --help', async () => {
    const cases: [string[], RegExp][] = [
      [['tenant', 'add', 'X'], /--env is required/],
      [['tenant', 'add', 'X', '--env', 'mars'], /--env must be us, eu, staging or the platform URL/],
      [
        ['tenant', 'add', 'X', '--env', 'us', '--org-secret', 'hunter2'],
        /--org-secret is not accepted\. .*ELEMENT_AUTH_ORG_SECRET/,
      ],
      [['tenant', 'add', 'X', '--env', 'us', '--user-secret=hunter2'], /--user-secret is not accepted/],
      [['tenant', 'list', '--colour'], /Unknown option '--colour'/],
      [['tenant', 'use'], /Missing the tenant name/],
      [['tenant', 'frobnicate'], /Unknown tenant command "frobnicate"/],
      [['deploy'], /Unknown command "deploy"/],
    ];
    for (const [args, message] of cases) {
      const result = await world.run(args, { env: SECRET_ENV });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/Run element-auth .*--help for usage\./);
    }
  });

  it('without the secrets in the environment and no terminal, says which variables to set (exit 2)', async () => {
    const result = await world.run(['tenant', 'add', 'NoSecrets', '--env', 'us'], {
      env: { ELEMENT_AUTH_ORG_SECRET: ORG_SECRET },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The user secret is needed: set ELEMENT_AUTH_USER_SECRET/);
    expect((await world.run(['tenant', 'list', '--json'])).stdout).not.toContain('NoSecrets');
  });

  it('prints --help for every command on stdout with exit 0', async () => {
    for (const command of [
      [],
      ['tenant'],
      ['tenant', 'add'],
      ['tenant', 'list'],
      ['tenant', 'use'],
      ['tenant', 'remove'],
    ]) {
      const result = await world.run([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: element-auth/);
    }
    expect((await world.run([])).code).toBe(2);
  });

  it.runIf(process.platform === 'linux')(
    'asks for the secrets on a terminal without echoing them',
    async () => {
      const { code, transcript } = await runOnTerminal(
        world,
        ['tenant', 'add', 'Prompted', '--env', 'us'],
        [
          [/Organization secret \(not shown\): /, ORG_SECRET],
          [/User secret \(not shown\): /, USER_SECRET],
        ],
      );
      expect(code).toBe(0);
      expect(transcript).toMatch(/Tenant:\s+Prompted/);
      expect(transcript).not.toContain(ORG_SECRET);
      expect(transcript).not.toContain(USER_SECRET);
    },
  );

  it('removes a tenant only when confirmed, with every keychain item it owned', async () => {
    const doomed = await addTenant(world, 'Doomed');
    const refused = await world.run(['tenant', 'remove', 'Doomed']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /Refusing to remove tenant “Doomed” without confirmation: stdin is not a terminal\. Pass --yes\./,
    );
    expect(await world.store.get(secretAccounts.orgSecret(doomed.id))).toBe(ORG_SECRET);

    await indexedStore(world).set(secretAccounts.instanceToken(doomed.id, 77), 'token-of-a-doomed-instance');
    const removed = await world.run(['tenant', 'remove', 'doomed', '--yes']);
    expect(removed).toMatchObject({
      code: 0,
      stdout: 'Removed tenant Doomed and its keychain items; its activity log is kept.\n',
    });
    const left = keychainAccounts(world.store.service).filter((account) =>
      account.startsWith(secretAccounts.tenantPrefix(doomed.id)),
    );
    expect(left).toEqual([]);
    expect((await world.run(['tenant', 'list'])).stdout).not.toContain('Doomed');

    const missing = await world.run(['tenant', 'remove', 'Doomed', '--yes']);
    expect(missing).toMatchObject({ code: 1, stderr: 'element-auth: There is no tenant “Doomed”.\n' });
  });

  it('leaves no secret in the data folder, on stdout, or in argv', async () => {
    const files = await readTree(world.home);
    expect(files.size).toBeGreaterThan(0);
    for (const [file, text] of files) {
      for (const secret of [ORG_SECRET, USER_SECRET]) expect(text, file).not.toContain(secret);
    }
    for (const out of world.stdoutLog) {
      expect(out).not.toContain(ORG_SECRET);
      expect(out).not.toContain(USER_SECRET);
    }
    expect(world.argvLog.flat().join(' ')).not.toMatch(new RegExp(`${ORG_SECRET}|${USER_SECRET}`));
  });
});
