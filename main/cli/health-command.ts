// element-auth health: checks every instance of one, some or all tenants (the app's health
// service) and prints the board failing first; exit 0 all healthy, 1 any failing, 2 usage.
import { healthRows, isFailing, OUTCOME_LABELS, type HealthRow } from '../../common/health-rows';
import type { HealthBoard } from '../../common/contract';
import { exportedRow } from '../services/health/health-export';
import { DEFAULT_PER_TENANT } from '../services/health/health-service';
import { findTenant } from '../services/tenants/tenant-records';
import type { Services } from '../services/index';
import {
  EXIT_FAILURE,
  EXIT_OK,
  flag,
  JSON_OPTION,
  listOption,
  stringOption,
  UsageError,
  type Command,
} from './command';
import { plural, table } from './format';

const NAME = 'health';

const minute = (ms: number | null) =>
  ms === null ? '' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;

function concurrencyOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 256) {
    throw new UsageError(`--concurrency is a whole number from 1 to 256, not "${text}".`, NAME);
  }
  return value;
}

/** The tenant ids to check: the named ones, every one, or the active one. */
async function chosenTenants(services: Services, named: string[], all: boolean): Promise<string[]> {
  if (all && named.length > 0) throw new UsageError('Give --tenant or --all-tenants, not both.', NAME);
  const list = await services.tenants.list();
  if (all) return list.tenants.map((tenant) => tenant.id);
  if (named.length > 0) return named.map((name) => findTenant(list, name).id);
  if (!list.activeTenantId) {
    throw new UsageError('There is no active tenant: name one with --tenant or use --all-tenants.', NAME);
  }
  return [list.activeTenantId];
}

function detail(row: HealthRow): string {
  return row.requestId ? `${row.message} (request id ${row.requestId})` : row.message;
}

function humanBoard(rows: HealthRow[]): string {
  return table(
    ['TENANT', 'ID', 'INSTANCE', 'ELEMENT', 'OUTCOME', 'LAST SUCCESS', 'FAILING SINCE', 'DETAIL'],
    rows.map((row) => [
      row.tenantName,
      String(row.instanceId),
      row.instanceName,
      row.elementKey,
      OUTCOME_LABELS[row.outcome],
      minute(row.lastSuccessAt),
      minute(row.failingSince),
      isFailing(row.outcome) ? detail(row) : '',
    ]),
  );
}

function problemsOf(board: HealthBoard, ids: string[]) {
  return board.tenants.filter((tenant) => ids.includes(tenant.tenantId) && tenant.problem !== null);
}

export const healthCommand: Command = {
  name: NAME,
  usage: 'health [--tenant <name>]... [--all-tenants] [--concurrency <n>] [--json]',
  details: `
Pings every instance (GET /hubs/{hub}/ping with its token) together with the platform's valid and
disabled flags, failing first. Results are kept with the app's, so "failing since" carries on.

Options:
  --tenant <name>     a tenant to check; repeat for more (default: the active tenant)
  --all-tenants       every tenant
  --concurrency <n>   requests in flight in all (default 8; at most ${DEFAULT_PER_TENANT} per tenant)
  --json              one JSON object per line: each instance, then each tenant problem

Exit codes: 0 every instance is healthy, 1 any is failing (or a tenant could not be checked),
2 usage error.`,
  options: {
    tenant: { type: 'string', multiple: true },
    'all-tenants': { type: 'boolean' },
    concurrency: { type: 'string' },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(context, args) {
    const total = concurrencyOf(stringOption(args, 'concurrency'));
    const services = context.services();
    const ids = await chosenTenants(services, listOption(args, 'tenant'), flag(args, 'all-tenants'));
    context.note(`Checking ${plural(ids.length, 'tenant')}…`);
    const board = await services.health.run({
      tenants: ids,
      total,
      perTenant: total === undefined ? undefined : Math.min(DEFAULT_PER_TENANT, total),
    });
    const problems = problemsOf(board, ids);
    // A tenant that could not be listed keeps its earlier results on the board; they are not news here.
    const checked = ids.filter((id) => !problems.some((tenant) => tenant.tenantId === id));
    const rows = healthRows(board, { tenantIds: checked });
    const failing = rows.filter((row) => isFailing(row.outcome)).length + problems.length;
    if (flag(args, 'json')) {
      const lines = [
        ...rows.map((row) => JSON.stringify(exportedRow(row))),
        ...problems.map(({ tenantId, tenantName, problem }) =>
          JSON.stringify({ tenantId, tenantName, problem }),
        ),
      ];
      if (lines.length > 0) context.print(lines.join('\n'));
    } else {
      if (rows.length > 0) context.print(humanBoard(rows));
      for (const { tenantName, problem } of problems) {
        const id = problem?.requestId ? ` (request id ${problem.requestId})` : '';
        context.note(`${tenantName}: not checked: ${problem?.message ?? ''}${id}`);
      }
    }
    context.note(`${plural(rows.length, 'instance')} checked: ${failing} failing.`);
    return failing > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};
