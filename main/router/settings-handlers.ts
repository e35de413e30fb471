// Handlers of the 'settings.*' channels over the network settings service: what crosses IPC is
// the settings view (the proxy password only as "one is stored") and the connection check's words.
import type { NetworkSettingsService } from '../services/settings/network-settings';
import type { DomainHandlers } from './router';

export function settingsHandlers(settings: NetworkSettingsService): DomainHandlers<'settings'> {
  return {
    'settings.get': () => settings.get(),
    'settings.save': (input) => settings.save(input),
    'settings.checkConnection': () => settings.checkConnection(),
  };
}
