// Every element-auth command by name, with its one-line summary and where its code lives. The entry
// loads only the module of the command it runs: `tenant list` never loads the OAuth flow or axios.
import type { Command } from './command';

export interface CommandEntry {
  /** "tenant add", "authenticate", … */
  name: string;
  /** One line: what it does, for the overview and the command's own help. */
  summary: string;
  /** The module's commands; the entry picks its own by name. */
  load(): Promise<readonly Command[]>;
}

const tenant = () => import('./tenant-commands').then((module) => module.tenantCommands);
const team = () => import('./team-commands').then((module) => module.teamCommands);
const authenticate = () => import('./authenticate-command').then((module) => [module.authenticateCommand]);
const instances = () => import('./instances-commands').then((module) => module.instancesCommands);
const instancesImport = () =>
  import('./instances-import-command').then((module) => [module.instancesImportCommand]);
const health = () => import('./health-command').then((module) => [module.healthCommand]);
const activity = () => import('./activity-command').then((module) => [module.activityCommand]);
const doctor = () => import('./doctor-command').then((module) => [module.doctorCommand]);

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'tenant add',
    summary: 'Add a tenant: a platform environment and its secrets (kept in the keychain).',
    load: tenant,
  },
  { name: 'tenant list', summary: 'List the tenants; the active one is marked with *.', load: tenant },
  {
    name: 'tenant use',
    summary: 'Make a tenant the active one (for the CLI and the app alike).',
    load: tenant,
  },
  { name: 'tenant remove', summary: 'Remove a tenant and every keychain item it owns.', load: tenant },
  {
    name: 'tenant rotate',
    summary: "Replace a tenant's organization and/or user secret where it is kept.",
    load: tenant,
  },
  {
    name: 'tenant share',
    summary: 'Write a file a teammate joins a team-store tenant with (no secret in it).',
    load: team,
  },
  {
    name: 'tenant join',
    summary: 'Add a tenant a teammate shared, reading its secrets from the team password store.',
    load: team,
  },
  {
    name: 'authenticate',
    summary: 'Create an instance through the OAuth flow (Zoho CRM V2 or OAuth 2 elements).',
    load: authenticate,
  },
  { name: 'instances list', summary: "List a tenant's element instances on the platform.", load: instances },
  {
    name: 'instances export',
    summary: "Export instances as the app's JSON document (secrets redacted by default).",
    load: instances,
  },
  {
    name: 'instances test',
    summary: "Ping the platform with an instance's token: exit 0 when it answers.",
    load: instances,
  },
  {
    name: 'instances delete',
    summary: 'Delete an instance on the platform, and its token from the keychain.',
    load: instances,
  },
  {
    name: 'instances import',
    summary: 'Recreate exported instances on a tenant, one guided sign-in per instance.',
    load: instancesImport,
  },
  {
    name: 'health',
    summary: 'Check every instance of one, some or all tenants: which integrations are broken now.',
    load: health,
  },
  {
    name: 'activity',
    summary: "Show a tenant's activity log: what was done, when, from the app or the CLI.",
    load: activity,
  },
  {
    name: 'doctor',
    summary: 'Find (and with --repair clean up) what a crash or a keychain failure left behind.',
    load: doctor,
  },
];

/** The command an entry names, from its module. */
export async function loadCommand(entry: CommandEntry): Promise<Command> {
  const command = (await entry.load()).find((candidate) => candidate.name === entry.name);
  if (!command) throw new Error(`The module of "${entry.name}" has no such command.`);
  return command;
}
