// What every CLI module shares and imports from nowhere else in the CLI: the streams and the
// context a command runs with, and the environment variables secrets come from.
import type { ServicePorts, Services } from '../services/index';

/** The environment variables the CLI reads secrets from (never argv). */
export const SECRET_VARIABLES = {
  org: { variable: 'ELEMENT_AUTH_ORG_SECRET', what: 'organization secret' },
  user: { variable: 'ELEMENT_AUTH_USER_SECRET', what: 'user secret' },
  api: { variable: 'ELEMENT_AUTH_API_SECRET', what: 'OAuth client secret' },
} as const;

/** Which secret a command reads: the tenant's two, or the OAuth client secret. */
export type CliSecretKind = keyof typeof SECRET_VARIABLES;

/**
 * The reader of stdout closed it while the result was being written (`element-auth … | head`): the
 * command stops writing there and the CLI ends quietly with EXIT_READER_GONE, never with a stack trace.
 */
export class StdoutClosed extends Error {
  constructor() {
    super('The reader of standard output closed it.');
    this.name = 'StdoutClosed';
  }
}

export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  io: CliIo;
  /** True when stdin is a terminal: prompts and confirmations are possible. */
  interactive: boolean;
  /** The CLI's ports; `browser: false` makes the OpenUrl port do nothing (--no-browser). */
  ports(options?: { browser?: boolean }): ServicePorts;
  /** Builds the services once, over ports(options). */
  services(options?: { browser?: boolean }): Services;
  /** A line on stderr, without control characters: progress and notes, never the result. */
  note(line: string): void;
  /** The result on stdout; on a terminal without control characters. */
  print(text: string): void;
  /** A long result on stdout piece by piece as it is made, waiting whenever stdout is full. */
  printStream(pieces: AsyncIterable<string>): Promise<void>;
  /** Text with every secret this run has seen (keychain, environment) and every credential pattern hidden. */
  redact(text: string): string;
  /** True once a write to stdout failed because its reader had closed it (EPIPE). */
  readerGone(): boolean;
}
