// Where the app keeps its data (the tenants metadata file): ELEMENT_AUTH_HOME, or the OS app-data
// folder for "Element Authenticator". Plain Node, no electron: the app and the CLI share it.
import { homedir } from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Element Authenticator';

export interface DataFolderContext {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

const nonEmpty = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/**
 * macOS ~/Library/Application Support/Element Authenticator, Windows %APPDATA%\Element Authenticator,
 * elsewhere $XDG_CONFIG_HOME/Element Authenticator or ~/.config/Element Authenticator.
 */
export function resolveDataFolder(context: Partial<DataFolderContext> = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  const override = nonEmpty(env.ELEMENT_AUTH_HOME);
  if (override) return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME);
  }
  const configHome = nonEmpty(env.XDG_CONFIG_HOME);
  return path.join(
    configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config'),
    APP_FOLDER_NAME,
  );
}
