// Assembles the handlers of every domain into one router over the services.
// UI ports (clipboard, save dialog) come from main/electron in the app and from fakes in tests.
import type { Services } from '../services/index';
import type { Clipboard, Dialogs, Logger } from '../services/ports';
import { activityHandlers } from './activity-handlers';
import { appHandlers } from './app-handlers';
import { flowHandlers } from './flow-handlers';
import { healthHandlers } from './health-handlers';
import { importsHandlers, queueHandlers } from './imports-handlers';
import { instancesHandlers } from './instances-handlers';
import { createRouter, type Handlers, type Router } from './router';
import { settingsHandlers } from './settings-handlers';
import { tenantsHandlers } from './tenants-handlers';

export interface UiPorts {
  clipboard: Clipboard;
  dialogs: Dialogs;
  log: Logger;
}

export function createAppRouter(services: Services, ui: UiPorts): Router {
  const handlers: Handlers = {
    ...appHandlers(services.appInfo),
    ...tenantsHandlers(services.tenants, services.tenantSwitch, { ...ui, sharing: services.sharing }),
    ...flowHandlers(services.flow, ui.clipboard),
    ...instancesHandlers(services.instances, services.exports, ui),
    ...activityHandlers(services.activity, ui.dialogs),
    ...settingsHandlers(services.settings),
    ...healthHandlers(services.health, ui.dialogs),
    ...importsHandlers(services.imports, ui.dialogs),
    ...queueHandlers(services.queue),
  };
  return createRouter(handlers, ui.log);
}

export type { Router } from './router';
