// Handlers of the 'app.*' channels: what the app is and where it runs.
import type { AppInfo } from '../services/index';
import type { DomainHandlers } from './router';

export function appHandlers(info: AppInfo): DomainHandlers<'app'> {
  return { 'app.info': () => info };
}
