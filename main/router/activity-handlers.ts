// Handlers of the 'activity.*' channels over the ActivityService: the tenant's entries and chain
// state, and the CSV export, which asks the save dialog for a path and writes the file here in main.
import type { ActivityService } from '../services/activity/activity-service';
import { AppFailure } from '../services/errors';
import type { Dialogs } from '../services/ports';
import type { DomainHandlers } from './router';

export function activityHandlers(activity: ActivityService, dialogs: Dialogs): DomainHandlers<'activity'> {
  return {
    'activity.list': (filter) => activity.list(filter),
    'activity.export': async (filter) => {
      const target = await activity.exportName(filter.tenantId);
      const path = await dialogs.chooseSavePath({
        title: `Export the activity of ${target.tenantName}`,
        defaultName: target.defaultName,
      });
      if (path === null) throw new AppFailure('cancelled', 'The export was cancelled: no file was written.');
      return { path, count: await activity.exportCsv(filter, path) };
    },
  };
}
