// What a CLI command is (name, synopsis, options, help, run) and how its arguments are parsed with
// node:util parseArgs: unknown flags, missing values and secret-looking flags are usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from '../../common/zod';
import { parseChannelInput, type ChannelName, type Channels } from '../../common/contract';
import { AppFailure } from '../services/errors';
import type { CliContext } from './cli-io';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** The reader of stdout closed it before the result was all out (`| head`): what a shell reports for SIGPIPE. */
export const EXIT_READER_GONE = 141;

/** A problem with how the command was called: printed with a hint to --help, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help to point at, e.g. "tenant add". */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** "tenant add", "authenticate", … */
  name: string;
  /** The synopsis lines after "element-auth ". */
  usage: string;
  /** Paragraphs after the synopsis: options, environment, exit codes. */
  details: string;
  options: OptionsConfig;
  /** How many positionals are allowed. */
  positionals: { min: number; max: number; name: string };
  run(context: CliContext, args: ParsedArgs): Promise<number>;
}

/**
 * What a command hands the services, parsed with the channel's contract schema exactly as the router
 * parses the app's calls: the services take parsed input only. A problem is the schema's sentence.
 */
export function parsedInput<N extends ChannelName>(name: N, raw: unknown): z.output<Channels[N]['input']> {
  const parsed = parseChannelInput(name, raw);
  if (!parsed.ok) throw new AppFailure(parsed.error.code, parsed.error.message);
  return parsed.value;
}

export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies OptionsConfig;
export const TENANT_OPTION = { tenant: { type: 'string' } } as const satisfies OptionsConfig;

const SECRET_FLAG = /secret|password|passwd|token|signature/i;

export const SECRET_ENVIRONMENT_HELP =
  'Secrets are never read from the command line (other users can see it in the process list). ' +
  'Set ELEMENT_AUTH_ORG_SECRET and ELEMENT_AUTH_USER_SECRET (tenant add) or ELEMENT_AUTH_API_SECRET ' +
  '(authenticate), or run in a terminal to be asked without echo.';

/**
 * Refuses --org-secret, --api-secret=…, --token and the like before anything else looks at argv.
 * The command's own flags (e.g. --include-secrets) are not secrets and pass.
 */
export function refuseSecretFlags(argv: readonly string[], command: Command): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] ?? '';
    if (SECRET_FLAG.test(name) && !Object.hasOwn(command.options, name)) {
      throw new UsageError(`--${name} is not accepted. ${SECRET_ENVIRONMENT_HELP}`, command.name);
    }
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '.');
}

/** Parses a command's arguments (after its name); --help is handled by the caller. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  refuseSecretFlags(argv, command);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error), command.name);
  }
  const { min, max, name } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`Missing ${name}.`, command.name);
  if (count > max) {
    const extra = parsed.positionals.slice(max).join(' ');
    throw new UsageError(
      max === 0 ? `Unexpected argument: ${extra}` : `Too many arguments: ${extra}`,
      command.name,
    );
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(args: ParsedArgs, name: string, command: string): string {
  const value = stringOption(args, name)?.trim();
  if (!value) throw new UsageError(`--${name} is required.`, command);
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** A positive integer instance id from a positional. */
export function instanceId(text: string, command: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`An instance id is a positive number, not "${text}".`, command);
  }
  return Number(text);
}

/** The full help text of a command; its summary is the command table's. */
export function commandHelp(command: Command, summary: string): string {
  const usage = command.usage
    .split('\n')
    .map((line, index) => (index === 0 ? `Usage: element-auth ${line}` : `       ${line}`))
    .join('\n');
  return `${usage}\n\n${summary}\n\n${command.details.trim()}\n`;
}
