// element-auth instances list|export|test|delete: the instances service of the app, from the command
// line. Exports are the app's document (redacted unless --include-secrets); tokens never print.
import type { InstanceSummary } from '../../common/contract';
import {
  EXIT_FAILURE,
  EXIT_OK,
  flag,
  instanceId,
  JSON_OPTION,
  stringOption,
  TENANT_OPTION,
  UsageError,
  type Command,
} from './command';
import { json, plural, table } from './format';
import { confirmByTyping } from './secrets';
import { EXPORT_TO_STDOUT, exportDocumentText } from '../services/instances/export-document';
import { capYoungGeneration } from './young-generation';

const tenantHelp = (width: number) =>
  `  ${'--tenant <name>'.padEnd(width)}the tenant to act on (default: the active tenant)`;

function status(instance: InstanceSummary): string {
  if (instance.disabled) return 'disabled';
  return instance.valid ? 'valid' : 'invalid';
}

const list: Command = {
  name: 'instances list',
  usage: 'instances list [--tenant <name>] [--json]',
  details: `
Options:
${tenantHelp(18)}
  --json            print { tenantId, tenantName, instances: [...] } as JSON`,
  options: { ...TENANT_OPTION, ...JSON_OPTION },
  positionals: { min: 0, max: 0, name: '' },
  async run(context, args) {
    const result = await context.services().instances.list(stringOption(args, 'tenant'));
    if (flag(args, 'json')) {
      context.print(json(result));
      return EXIT_OK;
    }
    context.note(`${result.tenantName}: ${plural(result.instances.length, 'instance')}`);
    if (result.instances.length === 0) return EXIT_OK;
    const rows = result.instances.map((instance) => [
      String(instance.id),
      instance.name,
      instance.elementKey,
      instance.createdDate,
      status(instance),
      instance.tags.join(','),
    ]);
    context.print(table(['ID', 'NAME', 'ELEMENT', 'CREATED', 'STATUS', 'TAGS'], rows));
    return EXIT_OK;
  },
};

const exportCommand: Command = {
  name: 'instances export',
  usage: 'instances export (--all | <id>...) [--include-secrets] [--out <file>] [--tenant <name>]',
  details: `
Options:
  --all               every instance of the tenant
  --include-secrets   keep tokens and secret configuration (from the platform and the keychain)
  --out <file>        write the document there (owner-only, mode 0600, when it holds secrets);
                      default: stdout
${tenantHelp(20)}`,
  options: {
    all: { type: 'boolean' },
    'include-secrets': { type: 'boolean' },
    out: { type: 'string' },
    ...TENANT_OPTION,
  },
  positionals: { min: 0, max: 1000, name: 'instance ids' },
  async run(context, args) {
    const all = flag(args, 'all');
    if (all === args.positionals.length > 0) {
      throw new UsageError('Give either --all or one or more instance ids.', this.name);
    }
    const selection = all ? 'all' : args.positionals.map((id) => instanceId(id, this.name));
    const out = stringOption(args, 'out');
    if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a file name.', this.name);
    const includeSecrets = flag(args, 'include-secrets');
    const services = context.services();
    if (out !== undefined) await services.exports.assertOutsideDataFolder(out);
    await capYoungGeneration();
    const document = await services.instances.export(
      selection,
      includeSecrets,
      stringOption(args, 'tenant'),
      out ?? EXPORT_TO_STDOUT,
    );
    if (out === undefined) {
      if (includeSecrets)
        context.note('warning: this export includes secrets (tokens, secret configuration).');
      await context.printStream(exportDocumentText(document));
      return EXIT_OK;
    }
    await services.exports.write(out, document);
    const what = `${plural(document.count, 'instance')} of ${document.head.tenant.name}`;
    const secrets = includeSecrets ? ', secrets included (owner-only file)' : ', secrets redacted';
    context.note(`Exported ${what} to ${out}${secrets}.`);
    return EXIT_OK;
  },
};

const test: Command = {
  name: 'instances test',
  usage: 'instances test <id> [--tenant <name>] [--json]',
  details: `
Options:
${tenantHelp(18)}
  --json            print { ok, message, dateTime?, code? } as JSON

Exit code 0 when the platform accepts the token, 1 otherwise.`,
  options: { ...TENANT_OPTION, ...JSON_OPTION },
  positionals: { min: 1, max: 1, name: 'the instance id' },
  async run(context, args) {
    const id = instanceId(args.positionals[0] ?? '', this.name);
    const outcome = await context.services().instances.test(id, stringOption(args, 'tenant'));
    if (flag(args, 'json')) context.print(json(outcome));
    else if (outcome.ok) context.print(outcome.message);
    else context.note(`element-auth: ${outcome.message}`);
    return outcome.ok ? EXIT_OK : EXIT_FAILURE;
  },
};

const deleteCommand: Command = {
  name: 'instances delete',
  usage: 'instances delete <id> [--yes] [--tenant <name>] [--json]',
  details: `
Options:
  --yes             do not ask; without it a terminal asks you to type the instance's name, and
                    without a terminal the command refuses (exit 2)
${tenantHelp(18)}
  --json            print { deleted: { id, name }, tenant } as JSON`,
  options: { yes: { type: 'boolean' }, ...TENANT_OPTION, ...JSON_OPTION },
  positionals: { min: 1, max: 1, name: 'the instance id' },
  async run(context, args) {
    const id = instanceId(args.positionals[0] ?? '', this.name);
    const tenant = stringOption(args, 'tenant');
    const instances = context.services().instances;
    const detail = await instances.get(id, tenant);
    const name = String(detail.instance.name ?? '');
    const confirmed = await confirmByTyping(context, {
      yes: flag(args, 'yes'),
      expected: name,
      question: `Delete instance ${id} “${name}” of ${detail.tenantName} on the platform? Type its name to confirm: `,
      refusal: `Refusing to delete instance ${id} “${name}” of ${detail.tenantName}`,
      command: this.name,
    });
    if (!confirmed) {
      context.note(`The name did not match: nothing was deleted from ${detail.tenantName}.`);
      return EXIT_FAILURE;
    }
    const deleted = await instances.delete(id, name, tenant);
    context.print(
      flag(args, 'json')
        ? json({ deleted, tenant: detail.tenantName })
        : `Deleted instance ${deleted.id} “${deleted.name}” of ${detail.tenantName}.`,
    );
    return EXIT_OK;
  },
};

export const instancesCommands: Command[] = [list, exportCommand, test, deleteCommand];
