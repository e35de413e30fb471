// Runs `pass` and `git` for a team store: an argument array (never a shell), the secret only on
// stdin, PASSWORD_STORE_DIR set per store; GNUPGHOME and the rest of the environment pass through.
import { teamStoreFailures } from './team-store-failures';

export interface ToolResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export interface ToolOptions {
  /** The store's folder: PASSWORD_STORE_DIR for pass, the work tree for git. */
  dir: string;
  stdin?: string;
  env?: NodeJS.ProcessEnv;
}

const TIMEOUT_MS = 60_000;

async function run(command: 'pass' | 'git', args: string[], options: ToolOptions): Promise<ToolResult> {
  const env = { ...(options.env ?? process.env), PASSWORD_STORE_DIR: options.dir };
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { env, cwd: options.dir, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT' && !stderr) {
          reject(command === 'pass' ? teamStoreFailures.passMissing() : teamStoreFailures.gitMissing());
          return;
        }
        resolve({ ok: !error, stdout, stderr });
      },
    );
    // A tool that exits before reading stdin must not crash us: its exit status tells what happened.
    child.stdin?.on('error', () => undefined);
    if (options.stdin === undefined) child.stdin?.end();
    else child.stdin?.end(options.stdin);
  });
}

export const runPass = (args: string[], options: ToolOptions) => run('pass', args, options);
export const runGit = (args: string[], options: ToolOptions) => run('git', args, options);
