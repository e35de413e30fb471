// Handlers of the 'instances.*' channels over the InstanceService. Tokens and create bodies go to
// the clipboard here in main; the export asks the save dialog for a path and writes the file here.
import { AppFailure } from '../services/errors';
import type { ExportFiles } from '../services/instances/export-files';
import type { InstanceService } from '../services/instances/instance-service';
import type { Clipboard, Dialogs } from '../services/ports';
import type { DomainHandlers } from './router';

export function instancesHandlers(
  instances: InstanceService,
  exportFiles: ExportFiles,
  ui: { clipboard: Clipboard; dialogs: Dialogs },
): DomainHandlers<'instances'> {
  return {
    'instances.list': (input) => instances.list(input?.tenantId),
    'instances.get': ({ id, tenantId }) => instances.get(id, tenantId),
    'instances.test': ({ id, tenantId }) => instances.test(id, tenantId),
    'instances.delete': ({ id, confirmName, tenantId }) => instances.delete(id, confirmName, tenantId),
    'instances.export': async ({ ids, includeSecrets, tenantId }) => {
      const target = await instances.exportTarget(tenantId);
      const path = await ui.dialogs.chooseSavePath({
        title: `Export instances of ${target.tenantName}${includeSecrets ? ' with their secrets' : ''}`,
        defaultName: target.defaultName,
      });
      if (path === null) throw new AppFailure('cancelled', 'The export was cancelled: no file was written.');
      await exportFiles.assertOutsideDataFolder(path);
      const document = await instances.export(ids, includeSecrets, target.tenantId, path);
      await exportFiles.write(path, document);
      return { path, count: document.count, secretsIncluded: document.head.secretsIncluded };
    },
    'instances.copyToken': async ({ id, tenantId }) => {
      ui.clipboard.writeText(await instances.token(id, tenantId));
      return null;
    },
    'instances.copyCreateBody': async ({ id, tenantId }) => {
      ui.clipboard.writeText(`${JSON.stringify(await instances.createBody(id, tenantId), null, 2)}\n`);
      return null;
    },
  };
}
