// The CLI's ports for the shared services: the system browser through spawn (never a shell
// string), flow progress and notices as lines on stderr, and a logger that reports warnings only.
import { version } from '../../package.json';
import type { EventName, EventPayload } from '../../common/contract';
import { AppFailure } from '../services/errors';
import { isSafeRemoteUrl } from '../../common/urls';
import type { Redactor } from '../services/logging/redactor';
import type { EventSink, Logger, OpenUrl } from '../services/ports';

export const CLI_VERSION: string = version;

/** The program that opens a URL in the default browser, as argv (no shell: the URL's & stays intact). */
function browserCommand(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

export const systemBrowser: OpenUrl = async (url) => {
  if (!isSafeRemoteUrl(url)) {
    throw new AppFailure(
      'insecure_url',
      'Only https links (or http to this computer) can be opened in the browser.',
    );
  }
  const [command, args] = browserCommand(url);
  // child_process loads when a URL is opened, not with every command.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
};

export const noBrowser: OpenUrl = () => Promise.resolve();

/** Flow progress and notices for a person watching stderr; the result itself goes to stdout. */
export function cliEvents(note: (line: string) => void): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      if (event === 'app.notice') {
        const notice = payload as EventPayload<'app.notice'>;
        note(`${notice.level}: ${notice.message}`);
      } else if (event === 'flow.changed') {
        const view = payload as EventPayload<'flow.changed'>;
        if (view.step === 'creating') {
          const where = view.dataCenter ? ` (Zoho data center: ${view.dataCenter})` : '';
          note(`Sign-in received; creating the instance “${view.instanceName}”${where}…`);
        }
      }
    },
  };
}

/** Warnings and errors as one line on stderr (messages never carry secrets); the rest is silent. */
export function cliLogger(note: (line: string) => void, redactor: Redactor): Logger {
  return {
    debug: () => {},
    info: () => {},
    warn: (message) => note(`warning: ${redactor.redact(message)}`),
    error: (message) => note(`error: ${redactor.redact(message)}`),
    hide: (secret) => redactor.add(secret),
  };
}
