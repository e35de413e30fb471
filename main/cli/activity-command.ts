// element-auth activity: a tenant's activity log, newest first, as a table or JSON. A broken hash
// chain is a warning on stderr that says where it breaks; the exit code stays 0 (2 on usage errors).
import type { ActivityEntry } from '../../common/contract';
import { EXIT_OK, flag, JSON_OPTION, stringOption, TENANT_OPTION, UsageError, type Command } from './command';
import { json, table } from './format';

/** --since: a date (2024-05-17), a date and time (2024-05-17T09:30:00Z) or a number of days ago (7d). */
function sinceOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = /^(\d+)d$/.exec(value.trim());
  if (days) return Date.now() - Number(days[1]) * 24 * 60 * 60 * 1000;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) {
    throw new UsageError(
      `--since takes a date (2024-05-17), a date and time (2024-05-17T09:30:00Z) or days ago (7d), not "${value}".`,
      'activity',
    );
  }
  return time;
}

function detailsText(entry: ActivityEntry): string {
  return Object.entries(entry.details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');
}

export const activityCommand: Command = {
  name: 'activity',
  usage: 'activity [--tenant <name>] [--since <date>] [--json]',
  details: `
Options:
  --tenant <name>   the tenant (default: the active one); a removed tenant whose log was kept works too
  --since <date>    only entries from then on: 2024-05-17, 2024-05-17T09:30:00Z, or 7d (days ago)
  --json            print { tenantId, tenantName, chain, entries: [...] } as JSON, newest first

Every line of the log carries the hash of the line before it. If a line was edited or removed, a
warning on stderr says where the chain breaks; the entries are still shown and the exit code stays 0.`,
  options: { ...TENANT_OPTION, since: { type: 'string' }, ...JSON_OPTION },
  positionals: { min: 0, max: 0, name: '' },
  async run(context, args) {
    const since = sinceOf(stringOption(args, 'since'));
    const result = await context.services().activity.list({ tenantId: stringOption(args, 'tenant'), since });
    if (!result.chain.ok)
      context.note(`warning: the activity log of ${result.tenantName} is broken at ${result.chain.message}`);
    if (flag(args, 'json')) {
      context.print(json(result));
      return EXIT_OK;
    }
    const count = result.entries.length;
    context.note(`${result.tenantName}: ${count} ${count === 1 ? 'entry' : 'entries'}`);
    if (result.entries.length === 0) return EXIT_OK;
    const rows = result.entries.map((entry) => [
      entry.time,
      entry.action,
      entry.outcome,
      entry.source,
      entry.instanceId === undefined
        ? ''
        : `${entry.instanceId}${entry.instanceName ? ` ${entry.instanceName}` : ''}`,
      [detailsText(entry), entry.requestId ? `requestId=${entry.requestId}` : ''].filter(Boolean).join(' '),
    ]);
    context.print(table(['TIME', 'ACTION', 'OUTCOME', 'SOURCE', 'INSTANCE', 'DETAILS'], rows));
    return EXIT_OK;
  },
};
