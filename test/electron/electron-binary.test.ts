// The Electron test glue that runs without a binary: why the tests skip, and which sandbox flag each Linux
// set-up needs (root, Ubuntu 23.10+ without the chrome-sandbox helper, a helper set up, other systems).
import { sandboxArgs, skipReason, type SandboxFacts } from './electron-binary';

const ubuntu2404: SandboxFacts = {
  platform: 'linux',
  uid: 1000,
  chromeSandbox: { uid: 1000, mode: 0o100755 },
  userNamespacesRestricted: true,
};

describe('sandboxArgs', () => {
  it('needs --no-sandbox on Ubuntu 23.10+ when chrome-sandbox is not root-owned and setuid', () => {
    expect(sandboxArgs(ubuntu2404)).toEqual(['--no-sandbox']);
    expect(sandboxArgs({ ...ubuntu2404, chromeSandbox: undefined })).toEqual(['--no-sandbox']);
    expect(sandboxArgs({ ...ubuntu2404, chromeSandbox: { uid: 0, mode: 0o100755 } })).toEqual([
      '--no-sandbox',
    ]);
  });

  it('keeps the sandbox once chrome-sandbox is set up (chown root, chmod 4755)', () => {
    expect(sandboxArgs({ ...ubuntu2404, chromeSandbox: { uid: 0, mode: 0o104755 } })).toEqual([]);
  });

  it('keeps the sandbox where user namespaces work, and off Linux', () => {
    expect(sandboxArgs({ ...ubuntu2404, userNamespacesRestricted: false })).toEqual([]);
    expect(sandboxArgs({ ...ubuntu2404, platform: 'darwin' })).toEqual([]);
    expect(sandboxArgs({ ...ubuntu2404, platform: 'win32', uid: undefined })).toEqual([]);
  });

  it('needs --no-sandbox as root (CI containers), where Chromium refuses to sandbox', () => {
    expect(sandboxArgs({ ...ubuntu2404, uid: 0, chromeSandbox: { uid: 0, mode: 0o104755 } })).toEqual([
      '--no-sandbox',
    ]);
  });
});

describe('skipReason', () => {
  it('names the download’s cause and the next step, not a wrong hint', () => {
    const reason = skipReason({ ELEMENT_AUTH_NO_ELECTRON: 'TypeError: fetch failed' });
    expect(reason).toContain('could not be downloaded (TypeError: fetch failed)');
    expect(reason).toContain('node node_modules/electron/install.js');
    expect(reason).not.toMatch(/npm install fetches it/);
  });

  it('says to use npm run test:electron when nothing tried to fetch it', () => {
    expect(skipReason({})).toContain('npm run test:electron');
  });
});
