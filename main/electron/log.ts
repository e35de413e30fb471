// The app's log: the redacting Logger with electron-log's file in the OS log folder as its sink (macOS
// ~/Library/Logs/Element Authenticator, Windows and Linux the app's logs folder). Lines reach it redacted only.
import { ipcMain } from 'electron';
import electronLog from 'electron-log/main';
import { createLogger, isLogLevel, type LogLevel } from '../services/logging/logger';
import type { Redactor } from '../services/logging/redactor';
import type { Logger } from '../services/ports';

/** electron-log listens for log lines from renderers; this app's renderer never writes to the log. */
const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

export interface AppLog {
  log: Logger;
  /** The log file, to name in a support request. */
  file: string;
}

/** ELEMENT_AUTH_LOG_LEVEL=debug|info|warn|error; info when unset or unknown. */
export function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const wanted = env.ELEMENT_AUTH_LOG_LEVEL?.trim().toLowerCase();
  return isLogLevel(wanted) ? wanted : 'info';
}

export function createAppLog(redactor: Redactor, options: { packaged: boolean; level?: LogLevel }): AppLog {
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
  const output = electronLog.create({ logId: 'element-authenticator' });
  output.transports.file.fileName = 'element-authenticator.log';
  output.transports.file.level = 'debug';
  output.transports.file.maxSize = 5 * 1024 * 1024;
  output.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  output.transports.console.level = options.packaged ? false : 'debug';
  output.transports.ipc.level = false;
  output.transports.remote.level = false;
  const log = createLogger({
    sink: { write: (level, line) => output[level](line) },
    redactor,
    level: options.level ?? logLevelFrom(process.env),
  });
  return { log, file: output.transports.file.getFile().path };
}
