// Where the data folder is: ELEMENT_AUTH_HOME first, else the OS app-data folder for
// "Element Authenticator" on macOS, Windows and Linux (XDG_CONFIG_HOME honoured).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataFolder } from '../../../../../main/services/tenants/data-folder';

describe('data folder', () => {
  it('uses ELEMENT_AUTH_HOME when set, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(
        resolveDataFolder({ env: { ELEMENT_AUTH_HOME: '/tmp/ea-home' }, platform, home: '/home/u' }),
      ).toBe(path.resolve('/tmp/ea-home'));
    }
  });

  it('uses Application Support on macOS', () => {
    expect(resolveDataFolder({ env: {}, platform: 'darwin', home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/Element Authenticator',
    );
  });

  it('uses %APPDATA% on Windows, or the roaming folder under the profile', () => {
    expect(
      resolveDataFolder({
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\ann',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Element Authenticator');
    expect(resolveDataFolder({ env: {}, platform: 'win32', home: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Element Authenticator',
    );
  });

  it('uses $XDG_CONFIG_HOME on Linux, else ~/.config; a relative XDG path is ignored', () => {
    expect(
      resolveDataFolder({ env: { XDG_CONFIG_HOME: '/home/u/cfg' }, platform: 'linux', home: '/home/u' }),
    ).toBe('/home/u/cfg/Element Authenticator');
    expect(resolveDataFolder({ env: {}, platform: 'linux', home: '/home/u' })).toBe(
      '/home/u/.config/Element Authenticator',
    );
    expect(
      resolveDataFolder({
        env: { XDG_CONFIG_HOME: 'cfg', ELEMENT_AUTH_HOME: '  ' },
        platform: 'linux',
        home: '/home/u',
      }),
    ).toBe('/home/u/.config/Element Authenticator');
  });
});
