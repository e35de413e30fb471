// Handlers of the 'tenants.*' channels over the TenantService. Secrets are copied to the
// clipboard here in main; what crosses IPC is the contract's views, with hints only.
import { AppFailure } from '../services/errors';
import type { Clipboard, Dialogs } from '../services/ports';
import { writeFileAtomic } from '../services/storage/atomic-file';
import {
  parseTenantShare,
  shareFileName,
  teamStoreFolder,
  type TenantSharing,
} from '../services/tenants/tenant-sharing';
import type { TenantSwitch } from '../services/tenant-switch';
import type { TenantService } from '../services/tenants/tenant-service';
import type { DomainHandlers } from './router';

export function tenantsHandlers(
  tenants: TenantService,
  tenantSwitch: TenantSwitch,
  ui: { clipboard: Clipboard; dialogs: Dialogs; sharing: TenantSharing },
): DomainHandlers<'tenants'> {
  return {
    'tenants.list': () => tenants.list(),
    'tenants.add': (input) => tenants.add(input),
    'tenants.update': (input) => tenants.update(input),
    'tenants.remove': (input) => tenantSwitch.remove(input),
    'tenants.use': (input) => tenantSwitch.use(input),
    'tenants.verify': ({ id }) => tenants.verify(id),
    'tenants.copySecret': async ({ id, which }) => {
      ui.clipboard.writeText(await tenants.secret(id, which));
      return null;
    },
    'tenants.dismissNotice': () => tenants.dismissNotice(),
    'tenants.listOAuthApps': (input) => tenants.listOAuthApps(input?.tenantId),
    'tenants.saveOAuthApp': (input) => tenants.saveOAuthApp(input),
    'tenants.removeOAuthApp': ({ id }) => tenants.removeOAuthApp(id),
    'tenants.share': async ({ id }) => {
      const document = await ui.sharing.share(id);
      const path = await ui.dialogs.chooseSavePath({
        title: `Share ${document.name} with your team (no secret is in the file)`,
        defaultName: shareFileName(document.name),
      });
      if (path === null) throw new AppFailure('cancelled', 'Sharing was cancelled: no file was written.');
      await writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        throw new AppFailure(
          'export_unwritable',
          `Could not write ${path} (${code}). Choose another folder.`,
        );
      });
      return { path };
    },
    'tenants.join': ({ document, dir }) => ui.sharing.join(parseTenantShare(document), teamStoreFolder(dir)),
  };
}
