// Reading from stdin: one line (the paste door, confirmations) and a hidden prompt for secrets on a
// terminal (raw mode, nothing echoed). Questions go to stderr so stdout keeps only the result.
import { AppFailure } from '../services/errors';
import type { CliIo } from './cli-io';

const cancelled = () => new AppFailure('cancelled', 'Cancelled: nothing was changed.');

/** The next line of stdin, trimmed; null at end of input. On a terminal the question is shown first. */
export async function readLine(io: CliIo, question?: string): Promise<string | null> {
  if (question && io.stdin.isTTY) io.stderr.write(question);
  // readline loads when a command asks, not with every command.
  const { createInterface } = await import('node:readline');
  return new Promise((resolve) => {
    const lines = createInterface({ input: io.stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line.trim());
    });
    lines.once('close', () => {
      if (!answered) resolve(null);
    });
  });
}

/** Asks for a secret on the terminal without echo. Ctrl-C or Ctrl-D on an empty answer cancels. */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  const stdin = io.stdin;
  // Raw mode first: typing that follows the question at once must not be echoed either.
  stdin.setRawMode(true);
  io.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: AppFailure) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value.trim());
    };
    const onData = (chunk: Buffer | string) => {
      const text = chunk.toString();
      // Arrow keys and other escape sequences arrive whole: ignore them.
      if (text.startsWith('\u001b')) return;
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(cancelled());
        if (char === '\u0004') return value === '' ? finish(cancelled()) : finish();
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.resume();
    stdin.on('data', onData);
  });
}
