// element-auth instances import: recreates an instances export on a tenant, one sign-in per instance
// through authenticate's flow and doors; --dry-run prints the plan; a report (created/skipped/failed) ends it.
import { readFile } from 'node:fs/promises';
import type { AuthFlow } from '../services/auth-flow/auth-flow';
import { AppFailure, isFailure } from '../services/errors';
import {
  buildImportPlan,
  flowStartOf,
  parseImportDocument,
  renameCollisions,
  type ImportItem,
  type ImportPlan,
  type ImportTarget,
} from '../services/instances/import-plan';
import {
  recordFailure,
  recordOutcome,
  startReport,
  type ImportReport,
} from '../services/instances/import-report';
import { announce, cancelOnInterrupt, keptAlive, pasteDoor, refuseAppCallback } from './authenticate-command';
import type { CliContext } from './cli-io';
import {
  EXIT_FAILURE,
  EXIT_OK,
  flag,
  JSON_OPTION,
  parsedInput,
  requiredOption,
  stringOption,
  TENANT_OPTION,
  type Command,
} from './command';
import { json, plural, table } from './format';
import { readSecret } from './secrets';

const NAME = 'instances import';

async function readDocument(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new AppFailure('invalid_input', `The file ${file} could not be read${reason}.`);
  }
  return parseImportDocument(text);
}

function printPlan(context: CliContext, plan: ImportPlan, tenantName: string): void {
  const creating = plan.items.filter((item) => item.action === 'create').length;
  context.note(
    `Plan: ${plural(creating, 'instance')} to create on ${tenantName} from ${plan.sourceTenant}, ` +
      `${plan.items.length - creating} skipped. Secrets, the OAuth client and Zoho's data center ` +
      'come from each new sign-in.',
  );
  const rows = plan.items.map((item) => [
    String(item.sourceId),
    item.targetName,
    item.elementKey,
    item.tags.join(','),
    Object.keys({ ...item.configuration, ...item.events }).join(',') || '-',
    item.notCarried.map((entry) => `${entry.key} (${entry.reason})`).join(',') || '-',
    item.action === 'create' ? 'create' : `skip: ${item.skipReason ?? ''}`,
  ]);
  context.print(table(['SOURCE', 'NAME', 'ELEMENT', 'TAGS', 'CARRIES', 'NOT CARRIED', 'ACTION'], rows));
}

/** One instance's sign-in, as authenticate runs it; the end goes into the report instead of exiting. */
async function importOne(
  context: CliContext,
  flow: AuthFlow,
  item: ImportItem,
  target: ImportTarget & { browser: boolean },
) {
  context.note(`\n${item.targetName} (${item.elementKey}), from source instance ${item.sourceId}:`);
  const started = await flow.start(parsedInput('flow.start', flowStartOf(item, target)));
  if (started.step !== 'awaiting-consent') return started;
  announce(context, started, target.browser);
  return keptAlive(started.door === 'loopback' ? flow.settled() : pasteDoor(context, flow));
}

function printReport(context: CliContext, report: ImportReport): void {
  context.note(
    `\nImport into ${report.tenantName}: ${report.created.length} created, ${report.skipped.length} skipped, ` +
      `${report.failed.length} failed.`,
  );
  const rows = [
    ...report.created.map((entry) => ['created', entry.name, `instance ${entry.id}`]),
    ...report.skipped.map((entry) => ['skipped', entry.name, entry.reason]),
    ...report.failed.map((entry) => [
      'failed',
      entry.name,
      `${entry.message}${entry.requestId ? ` (request id ${entry.requestId})` : ''}`,
    ]),
  ];
  if (rows.length > 0) context.print(table(['RESULT', 'NAME', 'DETAIL'], rows));
}

export const instancesImportCommand: Command = {
  name: NAME,
  usage:
    'instances import <file> --tenant <name> [--api-key <client id> --callback-url <url>]\n' +
    '                              [--rename-collisions] [--no-browser] [--dry-run] [--json]',
  details: `
Options:
  --tenant <name>        the target tenant
  --api-key <id>         the OAuth client id on the target (one client for every instance;
                           not needed with --dry-run, nor --callback-url)
  --callback-url <url>   the redirect URL registered with the vendor (as for authenticate:
                           http://127.0.0.1:PORT/… is caught by element-auth, https://… is pasted)
  --rename-collisions    import a name taken on the target by another element as "name (2)";
                           without it such an instance is skipped
  --no-browser           do not open the browser; open each printed URL yourself
  --dry-run              print the plan and create nothing
  --json                 print the plan (--dry-run) or the report as JSON

Environment:
  ELEMENT_AUTH_API_SECRET   the OAuth client secret; without it, a terminal asks without echo

Each instance keeps its name, element, tags, events settings and non-secret configuration.
Secrets, the OAuth client, Zoho's data center and platform-managed keys come from the new sign-in.
An instance whose name and element already exist on the target is skipped, so running the same
import twice creates nothing twice. Exit 1 if any instance failed.`,
  options: {
    'api-key': { type: 'string' },
    'callback-url': { type: 'string' },
    'rename-collisions': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'no-browser': { type: 'boolean' },
    ...TENANT_OPTION,
    ...JSON_OPTION,
  },
  positionals: { min: 1, max: 1, name: 'the export file' },
  async run(context, args) {
    const tenant = requiredOption(args, 'tenant', NAME);
    const dryRun = flag(args, 'dry-run');
    const apiKey = dryRun ? '' : requiredOption(args, 'api-key', NAME);
    const callbackUrl = dryRun ? '' : requiredOption(args, 'callback-url', NAME);
    if (!dryRun) refuseAppCallback(callbackUrl, NAME);
    const document = await readDocument(args.positionals[0] ?? '');
    const browser = !flag(args, 'no-browser');
    const services = context.services({ browser });
    const target = await services.instances.list(stringOption(args, 'tenant'));
    const existing = target.instances;
    const options = flag(args, 'rename-collisions') ? renameCollisions(document, existing) : {};
    const plan = buildImportPlan(document, existing, options);
    if (dryRun) {
      if (flag(args, 'json')) context.print(json({ tenantName: target.tenantName, ...plan }));
      else printPlan(context, plan, target.tenantName);
      return EXIT_OK;
    }
    const apiSecret = await readSecret(context, 'api', NAME);
    const report = startReport(plan, target.tenantName);
    const flow = services.flow;
    const stopListening = cancelOnInterrupt(context, flow);
    try {
      for (const item of plan.items.filter((entry) => entry.action === 'create')) {
        try {
          recordOutcome(
            report,
            item,
            await importOne(context, flow, item, { tenant, apiKey, apiSecret, callbackUrl, browser }),
          );
        } catch (error) {
          if (!isFailure(error)) throw error;
          recordFailure(report, item, error);
        }
      }
    } finally {
      stopListening();
    }
    if (flag(args, 'json')) context.print(json(report));
    else printReport(context, report);
    return report.failed.length > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};
