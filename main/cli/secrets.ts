// Where the CLI gets a secret: its environment variable, else a hidden prompt on a terminal, else a
// usage error (exit 2) naming the variable. Never from argv. Also the typed confirmations.
import { UsageError } from './command';
import { SECRET_VARIABLES, type CliContext, type CliSecretKind } from './cli-io';
import { promptHidden, readLine } from './prompt';

export async function readSecret(context: CliContext, kind: CliSecretKind, command: string): Promise<string> {
  const { variable, what } = SECRET_VARIABLES[kind];
  const fromEnv = context.io.env[variable]?.trim();
  if (fromEnv) return fromEnv;
  if (!context.interactive) {
    throw new UsageError(
      `The ${what} is needed: set ${variable}, or run in a terminal to be asked (it is never taken from the command line).`,
      command,
    );
  }
  const typed = await promptHidden(context.io, `${what[0]?.toUpperCase()}${what.slice(1)} (not shown): `);
  if (!typed) throw new UsageError(`No ${what} was entered.`, command);
  return typed;
}

/**
 * Makes the user type `expected` to go on (case-sensitive, spaces trimmed). Without a terminal and
 * without --yes it refuses with a usage error; `--yes` skips the question.
 */
export async function confirmByTyping(
  context: CliContext,
  options: { yes: boolean; expected: string; question: string; refusal: string; command: string },
): Promise<boolean> {
  if (options.yes) return true;
  if (!context.interactive) {
    throw new UsageError(
      `${options.refusal} without confirmation: stdin is not a terminal. Pass --yes.`,
      options.command,
    );
  }
  const answer = await readLine(context.io, options.question);
  return answer !== null && answer.trim() === options.expected.trim();
}
