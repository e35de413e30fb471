// element-auth tenant add|list|use|remove: the tenants service of the app, from the command line.
// Secrets come from the environment or a hidden prompt; the output shows masked hints only.
import type { TenantEnvironment, TenantView } from '../../common/contract';
import { AppFailure } from '../services/errors';
import { parseUrl } from '../../common/urls';
import { environmentLabel } from '../../common/environments';
import { findTenant } from '../services/tenants/tenant-records';
import {
  EXIT_FAILURE,
  EXIT_OK,
  flag,
  JSON_OPTION,
  requiredOption,
  parsedInput,
  UsageError,
  type Command,
} from './command';
import { fields, json, table } from './format';
import { confirmByTyping, readSecret } from './secrets';
import { SECRET_VARIABLES } from './cli-io';
import { teamStoreFolder } from '../services/tenants/tenant-sharing';

const PRESETS: readonly string[] = ['us', 'eu', 'staging'];

function environmentOf(value: string): { environment: TenantEnvironment; customUrl?: string } {
  const lower = value.trim().toLowerCase();
  if (PRESETS.includes(lower)) return { environment: lower as TenantEnvironment };
  if (!parseUrl(value.trim())) {
    throw new UsageError(
      `--env must be us, eu, staging or the platform URL (https://…), not "${value}".`,
      'tenant add',
    );
  }
  return { environment: 'custom', customUrl: value.trim() };
}

function describeTenant(tenant: TenantView, active: boolean): string {
  return fields([
    ['Tenant', tenant.name],
    ['Id', tenant.id],
    ['Environment', environmentLabel(tenant.environment, tenant.baseUrl)],
    ['Platform URL', tenant.baseUrl],
    ['Org secret', tenant.orgSecretHint],
    ['User secret', tenant.userSecretHint],
    [
      'Secrets in',
      tenant.teamStore ? `team store ${tenant.teamStore.dir} (${tenant.teamStore.entry})` : 'keychain',
    ],
    ['Active', active ? 'yes' : 'no'],
  ]);
}

const add: Command = {
  name: 'tenant add',
  usage: 'tenant add <name> --env <us|eu|staging|URL> [--team-store DIR --entry PATH] [--json]',
  details: `
Options:
  --env <env>   us, eu, staging, or the platform URL (https://…/elements/api-v2; plain http only to
                127.0.0.1 or localhost)
  --team-store DIR   keep the secrets in this team password store (pass) instead of the keychain
  --entry PATH       the entry path in it, e.g. customers/acme (needed with --team-store)
  --json        print the tenant as JSON

Environment:
  ELEMENT_AUTH_ORG_SECRET, ELEMENT_AUTH_USER_SECRET   the secrets; without them, a terminal asks
                                                      for them without echo

The first tenant becomes the active one.`,
  options: {
    env: { type: 'string' },
    'team-store': { type: 'string' },
    entry: { type: 'string' },
    ...JSON_OPTION,
  },
  positionals: { min: 1, max: 1, name: 'the tenant name' },
  async run(context, args) {
    const name = args.positionals[0] ?? '';
    const environment = environmentOf(requiredOption(args, 'env', this.name));
    const { 'team-store': dir, entry } = args.values;
    if ((typeof dir === 'string') !== (typeof entry === 'string'))
      throw new UsageError(
        '--team-store and --entry go together: the store folder and the entry path in it.',
        this.name,
      );
    const teamStore =
      typeof dir === 'string' && typeof entry === 'string' ? { dir: teamStoreFolder(dir), entry } : undefined;
    const orgSecret = await readSecret(context, 'org', this.name);
    const userSecret = await readSecret(context, 'user', this.name);
    const tenants = context.services().tenants;
    const tenant = await tenants.add(
      parsedInput('tenants.add', { name, ...environment, orgSecret, userSecret, teamStore }),
    );
    const list = await tenants.list();
    const active = list.activeTenantId === tenant.id;
    context.print(flag(args, 'json') ? json({ ...tenant, active }) : describeTenant(tenant, active));
    return EXIT_OK;
  },
};

const list: Command = {
  name: 'tenant list',
  usage: 'tenant list [--json]',
  details: `
Options:
  --json   print { activeTenantId, tenants: [...] } as JSON (secrets appear as masked hints only)`,
  options: { ...JSON_OPTION },
  positionals: { min: 0, max: 0, name: '' },
  async run(context, args) {
    const result = await context.services().tenants.list();
    if (flag(args, 'json')) {
      context.print(json({ activeTenantId: result.activeTenantId, tenants: result.tenants }));
      return EXIT_OK;
    }
    if (result.tenants.length === 0) {
      context.note('There is no tenant yet. Add one: element-auth tenant add <name> --env us');
      return EXIT_OK;
    }
    const rows = result.tenants.map((tenant) => [
      tenant.id === result.activeTenantId ? '*' : '',
      tenant.name,
      environmentLabel(tenant.environment, tenant.baseUrl),
      tenant.orgSecretHint,
      tenant.userSecretHint,
      tenant.baseUrl,
    ]);
    context.print(
      table(['ACTIVE', 'NAME', 'ENVIRONMENT', 'ORG SECRET', 'USER SECRET', 'PLATFORM URL'], rows),
    );
    return EXIT_OK;
  },
};

const use: Command = {
  name: 'tenant use',
  usage: 'tenant use <name> [--json]',
  details: `
Options:
  --json   print the tenant as JSON`,
  options: { ...JSON_OPTION },
  positionals: { min: 1, max: 1, name: 'the tenant name' },
  async run(context, args) {
    const result = await context.services().tenants.use({ id: args.positionals[0] ?? '' });
    const tenant = result.tenants.find((candidate) => candidate.id === result.activeTenantId);
    if (!tenant) throw new AppFailure('internal', 'The tenant was switched but is not in the list.');
    context.print(flag(args, 'json') ? json(tenant) : `Active tenant: ${tenant.name}`);
    return EXIT_OK;
  },
};

const remove: Command = {
  name: 'tenant remove',
  usage: 'tenant remove <name> [--yes] [--delete-activity] [--json]',
  details: `
Options:
  --yes               do not ask; without it a terminal asks you to type the tenant's name, and
                      without a terminal the command refuses (exit 2)
  --delete-activity   delete the tenant's activity log too (by default it is kept, and
                      element-auth activity --tenant <name> still shows it)
  --json              print { removed: { id, name }, activityKept } as JSON

The instances stay on the platform; only this computer forgets the tenant.`,
  options: { yes: { type: 'boolean' }, 'delete-activity': { type: 'boolean' }, ...JSON_OPTION },
  positionals: { min: 1, max: 1, name: 'the tenant name' },
  async run(context, args) {
    const wanted = args.positionals[0] ?? '';
    const tenants = context.services().tenants;
    const tenant = findTenant(await tenants.list(), wanted);
    const confirmed = await confirmByTyping(context, {
      yes: flag(args, 'yes'),
      expected: tenant.name,
      question: `Remove tenant “${tenant.name}” and its keychain items? Type its name to confirm: `,
      refusal: `Refusing to remove tenant “${tenant.name}”`,
      command: this.name,
    });
    if (!confirmed) {
      context.note('The name did not match: nothing was removed.');
      return EXIT_FAILURE;
    }
    const activityKept = !flag(args, 'delete-activity');
    await tenants.remove({ id: tenant.id, keepActivity: activityKept });
    const removed = { id: tenant.id, name: tenant.name };
    const log = activityKept ? 'its activity log is kept' : 'its activity log was deleted';
    context.print(
      flag(args, 'json')
        ? json({ removed, activityKept })
        : `Removed tenant ${tenant.name} and its keychain items; ${log}.`,
    );
    return EXIT_OK;
  },
};

const rotate: Command = {
  name: 'tenant rotate',
  usage: 'tenant rotate <name> [--json]',
  details: `
Options:
  --json   print the tenant as JSON

Environment:
  ELEMENT_AUTH_ORG_SECRET, ELEMENT_AUTH_USER_SECRET   the new secrets; set one or both (the other is
                                                      kept)

A tenant in a team password store is pushed to the store's remote afterwards, so teammates get the
new secret on their next call.`,
  options: { ...JSON_OPTION },
  positionals: { min: 1, max: 1, name: 'the tenant name' },
  async run(context, args) {
    const { org, user } = SECRET_VARIABLES;
    const orgSecret = context.io.env[org.variable]?.trim();
    const userSecret = context.io.env[user.variable]?.trim();
    if (!orgSecret && !userSecret)
      throw new UsageError(`Set ${org.variable} and/or ${user.variable} to the new secret.`, this.name);
    const tenants = context.services().tenants;
    const { id } = findTenant(await tenants.list(), args.positionals[0] ?? '');
    const tenant = await tenants.update(parsedInput('tenants.update', { id, orgSecret, userSecret }));
    context.print(flag(args, 'json') ? json(tenant) : `Rotated the secrets of ${tenant.name}.`);
    return EXIT_OK;
  },
};

export const tenantCommands: Command[] = [add, list, use, remove, rotate];
