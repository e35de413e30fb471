// What every CLI command runs with: the standard streams, the environment, and the services built
// by the very same createServices as the app, on the same data folder and keychain.
import { once } from 'node:events';
import { createServices, type ServicePorts, type Services } from '../services/index';
import { systemClock } from '../services/ports';
import { resolveDataFolder } from '../services/tenants/data-folder';
import { KeytarSecretStore, keychainServiceName } from '../services/tenants/keytar-secret-store';
import { CLI_VERSION, cliEvents, cliLogger, noBrowser, systemBrowser } from './cli-ports';
import { terminalSafe } from './format';
import { killPointFromEnv } from './kill-point';
import { nodeTransport } from './node-transport';
import { RedactingSecretStore } from '../services/logging/redacting-secret-store';
import { Redactor } from '../services/logging/redactor';
import { SECRET_VARIABLES, StdoutClosed, type CliContext, type CliIo } from './cli-io';

export interface CliOptions {
  /** --verbose: a line on stderr for each platform call, naming the proxy it went through. */
  verbose?: boolean;
}

export function createCliContext(io: CliIo, cli: CliOptions = {}): CliContext {
  let services: Services | undefined;
  const note = (line: string) => void io.stderr.write(`${terminalSafe(line)}\n`);
  const redactor = new Redactor();
  for (const { variable } of Object.values(SECRET_VARIABLES)) redactor.add(io.env[variable]);
  let secretStore: RedactingSecretStore | undefined;
  const ports = (options: { browser?: boolean } = {}): ServicePorts => ({
    appInfo: { name: 'element-auth', version: CLI_VERSION, platform: process.platform },
    dataDir: resolveDataFolder({ env: io.env }),
    secretStore: (secretStore ??= new RedactingSecretStore(
      new KeytarSecretStore(keychainServiceName(io.env)),
      redactor,
    )),
    clock: systemClock,
    openUrl: options.browser === false ? noBrowser : systemBrowser,
    events: cliEvents(note),
    log: cliLogger(note, redactor),
    activitySource: 'cli',
    checkpoint: killPointFromEnv(io.env),
    transport: nodeTransport({ env: io.env, onRoute: cli.verbose ? note : undefined }),
  });
  // Piped output (an export, --json) stays byte for byte; a terminal never gets an escape sequence.
  const shown = (text: string) => (io.stdout.isTTY ? terminalSafe(text) : text);
  // A reader that closes the pipe early fails the next write with EPIPE: nothing more is written, and
  // stdout's 'error' event does not go unhandled (a crash).
  let gone = false;
  const readerGone = () => gone;
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    gone = true;
  });
  return {
    io,
    interactive: io.stdin.isTTY === true,
    note,
    print(text) {
      if (!readerGone()) io.stdout.write(shown(text.endsWith('\n') ? text : `${text}\n`));
    },
    async printStream(pieces) {
      for await (const piece of pieces) {
        if (readerGone()) throw new StdoutClosed();
        if (!io.stdout.write(shown(piece))) await once(io.stdout, 'drain').catch(() => undefined);
      }
      if (readerGone()) throw new StdoutClosed();
    },
    redact: (text) => redactor.redact(text),
    readerGone,
    ports,
    services(options = {}) {
      services ??= createServices(ports(options));
      return services;
    },
  };
}
