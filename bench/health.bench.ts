// npm run bench: the health check of 1,000 instances at 50 ms platform latency with 8 requests in
// flight, against the ideal (1,000 × 50 ms / 8) and a bare-client baseline; medians of alternated rounds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { median } from './support/rounds';
import { PlatformClient } from '../main/services/cloud-elements/platform-client';
import { createServices } from '../main/services/index';
import { directTransport } from '../main/services/net/http-transport';
import { silentLogger, systemClock } from '../main/services/ports';
import { startHealthFleet, stopHealthFleet, type FleetTenant } from '../test/fakes/health-fleet';
import { MemorySecretStore, RecordingEvents } from '../test/fakes/memory-secret-store';

const INSTANCES = 1000;
const LATENCY_MS = 50;
const IN_FLIGHT = 8;
const ROUNDS = 3;
const GOAL = 1.3;
const IDEAL_MS = (INSTANCES * LATENCY_MS) / IN_FLIGHT;

interface Contender {
  label: string;
  /** Runs once; resolves when every instance was checked. */
  run(): Promise<void>;
}

/** Data folders of the services under test, removed at the end. */
const dataDirs: string[] = [];

/** The health service over a fleet: createServices as the app builds it. */
async function healthService(label: string, fleet: FleetTenant[], perTenant: number): Promise<Contender> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'element-auth-bench-'));
  dataDirs.push(dataDir);
  const services = createServices({
    appInfo: { name: 'bench', version: '0', platform: process.platform },
    dataDir,
    secretStore: new MemorySecretStore(),
    clock: systemClock,
    openUrl: async () => {},
    events: new RecordingEvents(),
    log: silentLogger,
    transport: directTransport,
  });
  for (const tenant of fleet) {
    await services.tenants.add({
      name: tenant.name,
      environment: 'custom',
      customUrl: tenant.platform.baseUrl,
      ...tenant.secrets,
    });
  }
  return {
    label,
    async run() {
      const board = await services.health.run({ tenants: 'all', perTenant, total: IN_FLIGHT });
      const checked = board.tenants.reduce((sum, tenant) => sum + tenant.results.length, 0);
      if (checked !== INSTANCES) throw new Error(`${label}: checked ${checked} of ${INSTANCES}`);
    },
  };
}

/** The honest baseline: the platform client alone, list then ping, with 8 workers and nothing else. */
function bareClient(fleet: FleetTenant[]): Contender {
  return {
    label: `bare client, ${IN_FLIGHT} workers (baseline)`,
    async run() {
      const [tenant] = fleet;
      if (!tenant) throw new Error('No fleet');
      const client = new PlatformClient(
        { baseUrl: tenant.platform.baseUrl, ...tenant.secrets },
        { getRetries: 0 },
      );
      const queue = (await client.listInstances()).map((instance) => instance.token as string);
      const worker = async () => {
        for (let token = queue.pop(); token !== undefined; token = queue.pop()) await client.ping(token);
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function healthBench(): Promise<void> {
  const one = await startHealthFleet({
    tenants: 1,
    instancesPerTenant: INSTANCES,
    failures: false,
    delayMs: LATENCY_MS,
  });
  const four = await startHealthFleet({
    tenants: 4,
    instancesPerTenant: INSTANCES / 4,
    failures: false,
    delayMs: LATENCY_MS,
  });
  try {
    const contenders = [
      bareClient(one),
      await healthService(`health service, 1 tenant (${IN_FLIGHT} per tenant)`, one, IN_FLIGHT),
      await healthService('health service, 4 tenants (defaults: 4 per tenant, 8 in all)', four, 4),
    ];
    const times = contenders.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, contender] of contenders.entries()) {
        const started = performance.now();
        await contender.run();
        times[index]!.push(performance.now() - started);
      }
    }
    const width = Math.max(...contenders.map((contender) => contender.label.length)) + 2;
    console.log(
      `health check: ${INSTANCES} instances, ${LATENCY_MS} ms platform latency, ${IN_FLIGHT} in flight`,
    );
    console.log(
      `  ${`ideal (${INSTANCES} × ${LATENCY_MS} ms / ${IN_FLIGHT})`.padEnd(width)}${seconds(IDEAL_MS)}`,
    );
    contenders.forEach((contender, index) => {
      const ratio = median(times[index]!) / IDEAL_MS;
      const service = contender.label.startsWith('health');
      const verdict = ratio <= GOAL ? 'met' : 'MISSED';
      const goal = service ? `   goal ≤ ${GOAL.toFixed(2)}× ideal: ${verdict}` : '';
      console.log(
        `  ${contender.label.padEnd(width)}${seconds(median(times[index]!))}   ${ratio.toFixed(2)}× ideal${goal}`,
      );
    });
    console.log(`  (medians of ${ROUNDS} alternated rounds)`);
  } finally {
    await stopHealthFleet([...one, ...four]);
    await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

describe('health board', { timeout: 600_000 }, () => {
  it('1,000 instances at 50 ms platform latency, 8 in flight, vs the ideal', () => healthBench());
});
