// Child process of activity-writers.test.ts: appends `count` entries to one tenant's activity log
// as the CLI would, each naming this writer and its entry number; notices go to stderr.
import { systemClock } from '../../main/services/ports';
import { FileActivityLog } from '../../main/services/activity/file-activity-log';

const [dataDir = '', writer = '0', count = '0', rotateBytes] = process.argv.slice(2);
const log = new FileActivityLog({
  dataDir,
  clock: systemClock,
  source: 'cli',
  events: { emit: (_event, payload) => void process.stderr.write(`${JSON.stringify(payload)}\n`) },
  rotateBytes: rotateBytes ? Number(rotateBytes) : undefined,
});
for (let index = 0; index < Number(count); index += 1) {
  await log.record({
    action: 'instance.tested',
    tenant: { tenantId: 'shared', tenantName: 'Shared Tenant' },
    instanceId: Number(writer) * 1000 + index,
    details: { writer: Number(writer), index },
  });
}
