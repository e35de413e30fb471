// A log sink that appends redacted lines to a file readable only by its owner: for the CLI and the tests.
// (The app writes through electron-log in main/electron/log.ts.)
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../ports';
import type { LogLevel, LogSink } from './logger';

export class FileSink implements LogSink {
  constructor(
    readonly path: string,
    private readonly clock: Clock = { now: () => Date.now() },
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }

  write(level: LogLevel, line: string): void {
    const stamp = new Date(this.clock.now()).toISOString();
    appendFileSync(this.path, `[${stamp}] [${level}] ${line}\n`, { mode: 0o600 });
  }
}
