// element-auth:// registration: the packaged app registers itself; a development run only when asked, and then
// with an absolute app path (Windows cannot start `.`), so it never silently replaces the installed app's entry.
import { resolve } from 'node:path';
import { protocolClientArgs, REGISTER_PROTOCOL_ENV } from '../../../../main/electron/protocol-client';

const dev = {
  defaultApp: true,
  argv: ['/repo/node_modules/electron/dist/electron', '.'],
  execPath: '/repo/node_modules/electron/dist/electron',
  cwd: '/repo',
  env: {},
};

describe('protocolClientArgs', () => {
  it('lets the packaged app register itself with Electron’s defaults', () => {
    expect(
      protocolClientArgs({ ...dev, defaultApp: false, argv: ['/opt/app/element-authenticator'] }),
    ).toEqual({});
  });

  it('leaves the OS entry alone in a development run unless asked', () => {
    expect(protocolClientArgs(dev)).toBeNull();
    expect(protocolClientArgs({ ...dev, env: { [REGISTER_PROTOCOL_ENV]: 'yes' } })).toBeNull();
  });

  it('registers a development run, when asked, with the app path resolved', () => {
    expect(protocolClientArgs({ ...dev, env: { [REGISTER_PROTOCOL_ENV]: '1' } })).toEqual({
      path: dev.execPath,
      args: [resolve('/repo', '.')],
    });
    const args = protocolClientArgs({
      ...dev,
      argv: [dev.execPath, 'out/..'],
      env: { [REGISTER_PROTOCOL_ENV]: '1' },
    })?.args;
    expect(args?.every((arg) => resolve(arg) === arg)).toBe(true);
  });

  it('does not register a development run without an app path', () => {
    expect(
      protocolClientArgs({ ...dev, argv: [dev.execPath], env: { [REGISTER_PROTOCOL_ENV]: '1' } }),
    ).toBeNull();
  });
});
