import { describe, expect, it } from 'vitest';
import { NetworkSettingsSaveSchema, type NetworkSettings } from '../../../../../common/contract';
import {
  draftOf,
  saveInputOf,
  validateNetwork,
} from '../../../../../renderer/features/settings/network-form-model';

const STORED: NetworkSettings = {
  proxyMode: 'manual',
  proxyUrl: 'http://proxy.acme:8080',
  proxyUsername: 'ann',
  hasProxyPassword: true,
  extraCaFile: '/etc/acme-root.pem',
};

describe('network form model', () => {
  it('starts from what main keeps, with an empty password that keeps the stored one', () => {
    const draft = draftOf(STORED);
    expect(draft.proxyPassword).toBe('');
    const input = saveInputOf(draft);
    expect(input).toEqual({
      proxyMode: 'manual',
      proxyUrl: 'http://proxy.acme:8080',
      proxyUsername: 'ann',
      extraCaFile: '/etc/acme-root.pem',
    });
    expect(NetworkSettingsSaveSchema.safeParse(input).success).toBe(true);
  });

  it('sends a new password or its removal only when asked', () => {
    expect(saveInputOf({ ...draftOf(STORED), proxyPassword: 'new-pw' }).proxyPassword).toBe('new-pw');
    expect(saveInputOf({ ...draftOf(STORED), clearProxyPassword: true }).clearProxyPassword).toBe(true);
  });

  it('drops the manual fields for the system or no proxy', () => {
    const input = saveInputOf({ ...draftOf(STORED), proxyMode: 'system', proxyPassword: 'typed' });
    expect(input).toEqual({
      proxyMode: 'system',
      proxyUrl: '',
      proxyUsername: '',
      extraCaFile: '/etc/acme-root.pem',
    });
  });

  it("checks a manual proxy with main's rule and nothing else", () => {
    expect(validateNetwork({ ...draftOf(STORED), proxyUrl: '' })).toEqual({
      proxyUrl: 'Enter the proxy URL.',
    });
    expect(validateNetwork({ ...draftOf(STORED), proxyUrl: 'ftp://proxy:21' })).toEqual({
      proxyUrl: 'The proxy URL must start with http:// or https://.',
    });
    expect(validateNetwork({ ...draftOf(STORED), proxyUrl: 'proxy.acme:3128' })).toEqual({});
    expect(validateNetwork({ ...draftOf(STORED), proxyMode: 'none', proxyUrl: '' })).toEqual({});
  });
});
