// The network form's draft: made from main's settings, checked with the shared proxy URL rule
// (common/urls.ts) and turned into the save input (an empty password keeps the stored one).
import type { NetworkSettings, NetworkSettingsSave, ProxyMode } from '../../../common/contract';
import { proxyUrlProblem } from '../../../common/urls';

export interface NetworkDraft {
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyUsername: string;
  proxyPassword: string;
  clearProxyPassword: boolean;
  extraCaFile: string;
}

export type NetworkErrors = Partial<Record<'proxyUrl', string>>;

export function draftOf(settings: NetworkSettings): NetworkDraft {
  return {
    proxyMode: settings.proxyMode,
    proxyUrl: settings.proxyUrl,
    proxyUsername: settings.proxyUsername,
    proxyPassword: '',
    clearProxyPassword: false,
    extraCaFile: settings.extraCaFile,
  };
}

export function validateNetwork(draft: NetworkDraft): NetworkErrors {
  if (draft.proxyMode !== 'manual') return {};
  const problem = proxyUrlProblem(draft.proxyUrl);
  return problem ? { proxyUrl: problem } : {};
}

export function saveInputOf(draft: NetworkDraft): NetworkSettingsSave {
  const manual = draft.proxyMode === 'manual';
  return {
    proxyMode: draft.proxyMode,
    proxyUrl: manual ? draft.proxyUrl : '',
    proxyUsername: manual ? draft.proxyUsername : '',
    ...(manual && draft.proxyPassword ? { proxyPassword: draft.proxyPassword } : {}),
    ...(draft.clearProxyPassword ? { clearProxyPassword: true } : {}),
    extraCaFile: draft.extraCaFile,
  };
}

export const PROXY_MODES: { value: ProxyMode; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: "The computer's proxy settings, PAC files included." },
  { value: 'none', label: 'None', hint: 'Connect to the platform directly.' },
  { value: 'manual', label: 'Manual', hint: 'A proxy you name here.' },
];
