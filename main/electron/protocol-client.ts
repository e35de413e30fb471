// Whether and how this run registers itself as the element-auth:// handler. A packaged app registers itself;
// a development run (`npm start`, `npm run dev`) only when asked, with the app path resolved. No electron import.
import { resolve } from 'node:path';

/** Set to 1 to make a development run the element-auth:// handler (replaces the installed app's entry). */
export const REGISTER_PROTOCOL_ENV = 'ELEMENT_AUTH_REGISTER_PROTOCOL';

export interface RunInfo {
  /** process.defaultApp: true when Electron runs an app folder (`electron .`), not a packaged app. */
  defaultApp: boolean;
  argv: readonly string[];
  execPath: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** How to call app.setAsDefaultProtocolClient (path and args after the scheme), or null to leave the OS entry alone. */
export function protocolClientArgs(run: RunInfo): { path?: string; args?: string[] } | null {
  if (!run.defaultApp) return {};
  const appPath = run.argv[1];
  if (run.env[REGISTER_PROTOCOL_ENV] !== '1' || !appPath) return null;
  // Windows starts the registered command from elsewhere: a relative app path (`.` under npm start) would not resolve.
  return { path: run.execPath, args: [resolve(run.cwd, appPath)] };
}
