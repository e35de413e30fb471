// element-auth: the CLI entry. Finds the command, handles --help and --version, runs it, and turns
// failures into one line on stderr with exit code 1 (failure) or 2 (usage error); a result whose
// reader went away (`| head`) ends quietly with 141.
import { AppFailure } from '../services/errors';
import { CLI_VERSION } from './cli-ports';
import {
  commandHelp,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_READER_GONE,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
} from './command';
import { StdoutClosed, type CliContext, type CliIo } from './cli-io';
import { createCliContext } from './context';
import { COMMANDS, loadCommand, type CommandEntry } from './command-table';

const GROUPS = ['tenant', 'instances'];

function overview(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return lines.join('\n');
}

const HELP = `element-auth ${CLI_VERSION}: create and look after Cloud Elements element instances from the
command line, with the same tenants, keychain and services as the Element Authenticator app.

Usage: element-auth <command> [options]      element-auth <command> --help

Commands:
${overview(COMMANDS)}

Environment:
  ELEMENT_AUTH_HOME                 the data folder (default: the app's folder)
  ELEMENT_AUTH_KEYCHAIN_SERVICE     the keychain service name (default: element-authenticator)
  ELEMENT_AUTH_ORG_SECRET, ELEMENT_AUTH_USER_SECRET, ELEMENT_AUTH_API_SECRET
                                    secrets (never accepted as flags); a terminal asks otherwise
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY the proxy for platform calls (either case; loopback is always direct)
  NODE_EXTRA_CA_CERTS               a PEM file of extra root certificates (your company's TLS inspection)

Options for every command: --verbose names the proxy (or direct route) of each platform call.

Output: the result on stdout (human by default, --json for machines), progress on stderr.
Exit codes: 0 success, 1 failure, 2 usage error (also: a secret or a confirmation is needed and
stdin is not a terminal), 141 the reader of stdout closed it before the result was all out.
`;

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

function groupHelp(group: string): string {
  const commands = COMMANDS.filter((command) => command.name.startsWith(`${group} `));
  return `Usage: element-auth ${group} <command> [options]\n\nCommands:\n${overview(commands)}\n`;
}

/** Resolves once what was written before is out, with the error that stopped it, if any. */
function flush(stream: NodeJS.WriteStream): Promise<Error | null | undefined> {
  return new Promise((resolve) => stream.write('', resolve));
}

/** Runs one invocation; returns the exit code. Writes only through io. */
export async function runCli(given: readonly string[], io: CliIo): Promise<number> {
  const argv = given.filter((arg) => arg !== '--verbose');
  const context = createCliContext(io, { verbose: argv.length < given.length });
  const code = await runIn(context, argv);
  // A short result's write fails only after the command has returned: once it is out (or failed,
  // and the stream's 'error' event, which follows its write callbacks, has come), a reader that went
  // away ends the run as one that went away while a long result was being written.
  if (await flush(io.stdout)) await new Promise((resolve) => setImmediate(resolve));
  return code === EXIT_OK && context.readerGone() ? EXIT_READER_GONE : code;
}

async function runIn(context: CliContext, argv: readonly string[]): Promise<number> {
  const { io } = context;
  let commandName: string | undefined;
  try {
    const [first, second] = argv;
    if (first === undefined) {
      io.stderr.write(HELP);
      return EXIT_USAGE;
    }
    if (isHelp(first) || first === 'help') {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT_OK;
    }
    if (GROUPS.includes(first) && (second === undefined || isHelp(second))) {
      (second === undefined ? io.stderr : io.stdout).write(groupHelp(first));
      return second === undefined ? EXIT_USAGE : EXIT_OK;
    }
    const twoWords = `${first} ${second ?? ''}`;
    const entry = COMMANDS.find((candidate) => candidate.name === twoWords || candidate.name === first);
    if (!entry) {
      const what = GROUPS.includes(first) ? `${first} command "${second}"` : `command "${first}"`;
      throw new UsageError(`Unknown ${what}.`);
    }
    commandName = entry.name;
    const command = await loadCommand(entry);
    const rest = argv.slice(command.name.split(' ').length);
    if (rest.some(isHelp)) {
      io.stdout.write(commandHelp(command, entry.summary));
      return EXIT_OK;
    }
    return await command.run(context, parseCommandArgs(command, rest));
  } catch (error) {
    if (error instanceof StdoutClosed) return EXIT_READER_GONE;
    if (error instanceof UsageError) {
      const command = error.command ?? commandName;
      const hint = command
        ? `Run element-auth ${command} --help for usage.`
        : 'Run element-auth --help for usage.';
      context.note(`element-auth: ${error.message}\n${hint}`);
      return EXIT_USAGE;
    }
    if (error instanceof AppFailure) {
      context.note(`element-auth: ${error.message}`);
      return EXIT_FAILURE;
    }
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    context.note(`element-auth: something went wrong inside element-auth (${context.redact(why)}).`);
    return EXIT_FAILURE;
  }
}

async function main(): Promise<void> {
  const io: CliIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  // A closed stderr leaves nothing to report to (stdout's reader going away is runCli's to handle).
  process.stderr.on('error', () => undefined);
  const code = await runCli(process.argv.slice(2), io);
  await flush(process.stderr);
  process.exit(code);
}

void main();
