// The health channels over the health service: the stored board, a run, Cancel, and an export that
// asks main's save dialog where to write (like instances.export).
import { AppFailure } from '../services/errors';
import { writeHealthExport } from '../services/health/health-export';
import type { HealthService } from '../services/health/health-service';
import type { Dialogs } from '../services/ports';
import type { DomainHandlers } from './router';

export function healthHandlers(health: HealthService, dialogs: Dialogs): DomainHandlers<'health'> {
  return {
    'health.board': () => health.board(),
    'health.run': ({ tenants, perTenant, total }) => health.run({ tenants, perTenant, total }),
    'health.cancel': () => {
      health.cancel();
      return null;
    },
    'health.export': async ({ format, tenantIds, outcomes }) => {
      const file = await health.exportFile(format, { tenantIds, outcomes });
      const path = await dialogs.chooseSavePath({
        title: `Export instance health as ${format.toUpperCase()}`,
        defaultName: file.defaultName,
      });
      if (path === null) throw new AppFailure('cancelled', 'The export was cancelled: no file was written.');
      await writeHealthExport(path, file.text);
      return { path, count: file.count };
    },
  };
}
