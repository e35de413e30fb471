// Two consultants share a customer's tenant through a real `pass` store with a git remote: A adds it
// there and shares it, B joins and calls the platform with A's secrets, A rotates and B follows after
// a pull; a third user whose key is not a recipient gets the plain sentence. No secret leaves the store.
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, createWorld, ORG_SECRET, readTree, USER_SECRET, type CliWorld } from './cli-helpers';
import {
  cloneStore,
  initStore,
  makeTeam,
  toolsWithout,
  type Team,
  type TeamUser,
} from '../support/pass-team';

const NEW_USER_SECRET = 'USR-rotated-secret-4444-abcdEFGH';
const ENTRY = 'customers/acme';

let world: CliWorld;
let team: Team;
let alice: TeamUser;
let bob: TeamUser;
let carol: TeamUser;
let shareFile: string;

/** The CLI as this user: their HOME and key, their own data folder and keychain service. */
const as = (user: TeamUser, extra: Record<string, string> = {}) => ({
  env: {
    HOME: user.home,
    GNUPGHOME: user.env.GNUPGHOME,
    ELEMENT_AUTH_HOME: path.join(user.home, 'data'),
    ELEMENT_AUTH_KEYCHAIN_SERVICE: `${world.service}-${user.name}`,
    ...extra,
  },
});

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('team-store');
  team = makeTeam(['alice', 'bob', 'carol']);
  [alice, bob, carol] = team.users as [TeamUser, TeamUser, TeamUser];
  initStore(team, alice, [alice, bob]);
  cloneStore(team, bob);
  cloneStore(team, carol);
  shareFile = path.join(team.root, 'acme.tenant.json');
}, 120_000);

afterAll(async () => {
  team?.close();
  await world?.close();
});

describe('a tenant shared through a team pass store', () => {
  it('A adds the tenant into the team store: nothing in the keychain or the data folder, the entries pushed', async () => {
    const added = await world.run(
      [
        'tenant',
        'add',
        'Acme',
        '--env',
        world.platform.baseUrl,
        '--team-store',
        alice.store,
        '--entry',
        ENTRY,
        '--json',
      ],
      as(alice, { ELEMENT_AUTH_ORG_SECRET: ORG_SECRET, ELEMENT_AUTH_USER_SECRET: USER_SECRET }),
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      name: 'Acme',
      teamStore: { dir: alice.store, entry: ENTRY },
    });
    expect(await readdir(path.join(alice.store, ENTRY))).toEqual(['org-secret.gpg', 'user-secret.gpg']);
    const remoteLog = alice.run('git', ['--git-dir', team.remote, 'log', '--oneline', 'main']);
    expect(remoteLog).toMatch(/customers\/acme\/user-secret/);

    const listed = await world.run(['instances', 'list', '--json'], as(alice));
    expect(listed.code).toBe(0);
  });

  it('A shares it: the file names the entry and holds no secret; a keychain tenant cannot be shared', async () => {
    const shared = await world.run(['tenant', 'share', 'Acme', '--out', shareFile], as(alice));
    expect(shared.code).toBe(0);
    const text = await readFile(shareFile, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'element-authenticator/tenant@1',
      name: 'Acme',
      baseUrl: world.platform.baseUrl,
      teamStore: { kind: 'pass', entry: ENTRY },
    });
    expect(text).not.toContain(ORG_SECRET);
    expect(text).not.toContain(USER_SECRET);

    await world.run(
      ['tenant', 'add', 'Solo', '--env', 'us'],
      as(alice, {
        ELEMENT_AUTH_ORG_SECRET: 'solo-org-1234567890',
        ELEMENT_AUTH_USER_SECRET: 'solo-usr-1234567890',
      }),
    );
    const refused = await world.run(['tenant', 'share', 'Solo'], as(alice));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Solo's secrets are in this computer's keychain, where no teammate can read them/,
    );
  });

  it('B joins and lists instances with the secrets A put in the store', async () => {
    const joined = await world.run(['tenant', 'join', shareFile, '--team-store', bob.store], as(bob));
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    expect(joined.stdout).toContain(`Joined tenant Acme: its secrets are read from ${ENTRY}`);
    const before = world.platform.requests.length;
    const listed = await world.run(['instances', 'list', '--tenant', 'Acme', '--json'], as(bob));
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const call = world.platform.requests.slice(before).find((request) => request.path === '/instances');
    expect(call?.headers.authorization).toContain(USER_SECRET);
  });

  it("A rotates the user secret; B's next call pulls and uses the new one", async () => {
    world.platform.secrets.user = NEW_USER_SECRET;
    const rotated = await world.run(
      ['tenant', 'rotate', 'Acme'],
      as(alice, { ELEMENT_AUTH_USER_SECRET: NEW_USER_SECRET }),
    );
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);

    const listed = await world.run(['instances', 'list', '--tenant', 'Acme', '--json'], as(bob));
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(
      bob.run('git', ['-C', bob.store, 'log', '--oneline']).split('\n').filter(Boolean).length,
    ).toBeGreaterThan(2);
  });

  it('a user whose key is not a recipient is told so in plain words, and nothing is added', async () => {
    const joined = await world.run(['tenant', 'join', shareFile, '--team-store', carol.store], as(carol));
    expect(joined.code).toBe(1);
    expect(joined.stderr).toContain(`Your key is not among the store's recipients for ${ENTRY}/org-secret`);
    const list = await world.run(['tenant', 'list', '--json'], as(carol));
    expect(JSON.parse(list.stdout).tenants).toEqual([]);
  });

  it('says what is wrong with the store: not initialised, an entry missing, pass or gpg not installed', async () => {
    const empty = path.join(team.root, 'empty-store');
    await mkdir(empty);
    const notStore = await world.run(['tenant', 'join', shareFile, '--team-store', empty], as(bob));
    expect(notStore.code).toBe(1);
    expect(notStore.stderr).toContain(`${empty} is not a password store yet (it has no .gpg-id)`);

    const elsewhere = path.join(team.root, 'elsewhere.tenant.json');
    const document = JSON.parse(await readFile(shareFile, 'utf8'));
    await writeFile(
      elsewhere,
      JSON.stringify({
        ...document,
        name: 'Acme Two',
        teamStore: { kind: 'pass', entry: 'customers/nobody' },
      }),
    );
    const missing = await world.run(['tenant', 'join', elsewhere, '--team-store', bob.store], as(bob));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('customers/nobody/org-secret is not in the team password store');

    const noPass = await world.run(
      ['tenant', 'join', elsewhere, '--team-store', bob.store],
      as(bob, { PATH: toolsWithout(team.root, ['pass']) }),
    );
    expect(noPass.code).toBe(1);
    expect(noPass.stderr).toContain(
      'The team password store needs the “pass” command, and it is not installed.',
    );

    const noGpg = await world.run(
      ['tenant', 'join', shareFile, '--team-store', bob.store],
      as(bob, { PATH: toolsWithout(team.root, ['gpg', 'gpg2']) }),
    );
    expect(noGpg.code).toBe(1);
    expect(noGpg.stderr).toContain('The team password store needs GnuPG (gpg), and it is not installed.');
  });

  it('no secret is in any data folder, share file or output', async () => {
    for (const user of [alice, bob, carol]) {
      for (const [file, text] of await readTree(path.join(user.home, 'data')).catch(
        () => new Map<string, string>(),
      )) {
        for (const secret of [ORG_SECRET, USER_SECRET, NEW_USER_SECRET])
          expect(text, `${user.name}/${file}`).not.toContain(secret);
      }
    }
    for (const output of world.stdoutLog)
      for (const secret of [ORG_SECRET, USER_SECRET, NEW_USER_SECRET]) expect(output).not.toContain(secret);
    for (const argv of world.argvLog) expect(argv.join(' ')).not.toMatch(/secret-\d{4}/i);
  });
});
