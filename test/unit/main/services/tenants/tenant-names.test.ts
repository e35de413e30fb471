// Hostile tenant names: control, bidi and zero-width characters, endless names, look-alikes of an
// existing tenant, and a name that is another tenant's id (a command would act on the wrong one).
import { afterAll, describe, expect, it } from 'vitest';
import { isFailure } from '../../../../../main/services/errors';
import { findTenant } from '../../../../../main/services/tenants/tenant-records';
import { lookalikeOf, tenantName, TENANT_NAME_MAX } from '../../../../../main/services/tenants/tenant-names';
import {
  buildTenants,
  MemorySecretStore,
  ORG_SECRET,
  removeDir,
  tempDataDir,
  USER_SECRET,
} from '../../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

const secrets = { orgSecret: ORG_SECRET, userSecret: USER_SECRET };

async function setup() {
  const dataDir = await tempDataDir('tenant-names');
  dirs.push(dataDir);
  let next = 0;
  const ids = ['a1b2c3d4e5f6', 'f6e5d4c3b2a1', '000000000003', '000000000004'];
  const built = buildTenants({ dataDir, secretStore: new MemorySecretStore() });
  // Predictable ids, so a test can name a tenant after another's id.
  Object.assign(built.service, { newId: () => ids[next++] });
  return built;
}

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isFailure(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the tenant name rule', () => {
  it.each([
    ['a newline', 'Acme\nGlobex'],
    ['an escape sequence', 'Acme\u001b[2J'],
    ['a right-to-left override', 'Acme\u202egnp.exe'],
    ['a zero-width space', 'Ac\u200bme'],
    ['a zero-width joiner', 'Ac\u200dme'],
    ['a byte-order mark', '\ufeffAcme'],
    ['a line separator', 'Acme\u2028Globex'],
  ])('refuses %s', (_what, name) => {
    const error = refusal(() => tenantName(name));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/cannot contain control characters/);
  });

  it('refuses a 5,000-character name and accepts one at the limit', () => {
    expect(refusal(() => tenantName('A'.repeat(5_000))).message).toContain(`at most ${TENANT_NAME_MAX}`);
    expect(tenantName('A'.repeat(TENANT_NAME_MAX))).toHaveLength(TENANT_NAME_MAX);
  });

  it('stores names NFC-normalised, so a decomposed é is the same tenant', async () => {
    const { service } = await setup();
    const composed = await service.add({ name: 'Caf\u00e9', environment: 'us', ...secrets });
    expect(composed.name).toBe('Caf\u00e9');
    const decomposed = await service
      .add({ name: 'Cafe\u0301', environment: 'us', ...secrets })
      .catch((e) => e);
    expect(isFailure(decomposed, 'tenant_exists')).toBe(true);
  });

  it('finds look-alikes: Cyrillic letters, digits for letters, doubled spaces', () => {
    expect(lookalikeOf('\u0410\u0441me', ['Acme'])).toBe('Acme');
    expect(lookalikeOf('G1obex', ['Globex'])).toBe('Globex');
    expect(lookalikeOf('Acme  Corp', ['Acme Corp'])).toBe('Acme Corp');
    expect(lookalikeOf('Initech', ['Acme', 'Globex'])).toBeUndefined();
  });

  it('adds or renames to a look-alike with a warning that names the tenant it resembles', async () => {
    const { service, events } = await setup();
    await service.add({ name: 'Acme', environment: 'us', ...secrets });
    await service.add({ name: '\u0410\u0441me', environment: 'us', ...secrets });
    const globex = await service.add({ name: 'Globex', environment: 'us', ...secrets });
    await service.update({ id: globex.id, name: 'GLOBEX' });
    await service.update({ id: globex.id, name: '\u0410cme' });
    expect(events.of('app.notice').map((notice) => [notice.level, notice.message])).toEqual([
      ['warning', expect.stringContaining('“\u0410\u0441me” looks like the tenant “Acme”')],
      ['warning', expect.stringContaining('“\u0410cme” looks like the tenant “Acme”')],
    ]);
  });
});

describe('names and ids are never ambiguous', () => {
  it("refuses a name that is another tenant's id", async () => {
    const { service } = await setup();
    await service.add({ name: 'Acme', environment: 'us', ...secrets });
    const error = await service.add({ name: 'a1b2c3d4e5f6', environment: 'us', ...secrets }).catch((e) => e);
    expect(isFailure(error, 'name_ambiguous')).toBe(true);
    expect(error.message).toContain('is the id of tenant “Acme”');
  });

  it('refuses a word that is one tenant’s id and another’s name, naming both ids', async () => {
    const { service } = await setup();
    const acme = await service.add({ name: 'Acme', environment: 'us', ...secrets });
    // The service refuses such a name now; an older version may have stored one.
    const globex = await service.add({ name: 'Globex', environment: 'us', ...secrets });
    const data = { tenants: [acme, { ...globex, name: acme.id }] };
    const error = refusal(() => findTenant(data, acme.id));
    expect(error.code).toBe('name_ambiguous');
    expect(error.message).toContain(`Name the tenant by its id instead: ${acme.id} or ${globex.id}`);
    expect(findTenant(data, globex.id)).toBe(data.tenants[1]);
  });
});
