// Handlers of the 'flow.*' channels over the AuthFlow service. The authorization URL and the
// instance token go to the clipboard here in main; neither crosses IPC as a copy result.
import { ELEMENT_PRESETS } from '../services/elements/element-presets';
import type { AuthFlow } from '../services/auth-flow/auth-flow';
import type { Clipboard } from '../services/ports';
import type { DomainHandlers } from './router';

export function flowHandlers(flow: AuthFlow, clipboard: Clipboard): DomainHandlers<'flow'> {
  return {
    'flow.start': (input) => flow.start(input),
    'flow.get': () => flow.get(),
    'flow.paste': ({ url }) => flow.paste(url),
    'flow.cancel': () => flow.cancel(),
    'flow.openAuthUrl': async () => {
      await flow.openAuthUrl();
      return null;
    },
    'flow.copyAuthUrl': () => {
      clipboard.writeText(flow.authUrl());
      return null;
    },
    'flow.adoptCandidate': () => flow.adoptCandidate(),
    'flow.copyToken': async () => {
      clipboard.writeText(await flow.copyableToken());
      return null;
    },
    'flow.reset': () => flow.reset(),
    'flow.presets': () =>
      ELEMENT_PRESETS.map((preset) => ({
        key: preset.key,
        label: preset.label,
        generic: preset.generic,
        defaultScope: preset.defaultScope,
        suggestedConfigurationKeys: preset.suggestedConfigurationKeys,
        defaultEvents: preset.defaultEvents,
        examplePollerConfiguration: preset.examplePollerConfiguration,
        dataCenters: preset.dataCenters.map((dc) => ({ ...dc })),
      })),
  };
}
