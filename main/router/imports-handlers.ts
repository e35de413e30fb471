// Handlers of the 'imports.*' channels (plans over the ImportService; main's open dialog picks the
// export file, so a file with secrets never passes through the renderer) and 'queue.*' (the queue file).
import { AppFailure } from '../services/errors';
import type { ImportService } from '../services/instances/import-service';
import type { Dialogs } from '../services/ports';
import type { SignInQueueFile } from '../services/queue/sign-in-queue-file';
import type { DomainHandlers } from './router';

export function importsHandlers(imports: ImportService, dialogs: Dialogs): DomainHandlers<'imports'> {
  return {
    'imports.plan': async ({ targetTenantId, source }) => {
      if (source.from === 'tenant')
        return imports.planFromTenant(source.tenantId, source.ids, targetTenantId);
      const file = await dialogs.chooseOpenPath({ title: 'Import instances from an export' });
      if (file === null) throw new AppFailure('cancelled', 'The import was cancelled: no file was read.');
      return imports.planFromFile(file, targetTenantId);
    },
    'imports.replan': ({ planId, renames }) => imports.replan(planId, renames),
  };
}

export function queueHandlers(queue: SignInQueueFile): DomainHandlers<'queue'> {
  return {
    'queue.get': () => queue.read(),
    'queue.save': async (saved) => {
      await queue.write(saved);
      return null;
    },
  };
}
