// V8's compiled code of the CLI's own files, kept between runs (what Node 22's module.enableCompileCache
// does, for Node 20): a run skips compiling what the last run compiled. The folder is the user's own.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** The per-user cache folder of this platform, or null when it cannot be known. */
export function codeCacheFolder(env: NodeJS.ProcessEnv, platform = process.platform): string | null {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA
      : platform === 'darwin'
        ? home && path.join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME || (home && path.join(home, '.cache'));
  return base ? path.join(base, 'element-authenticator', 'cli-code-cache') : null;
}

/**
 * The folder, made owner-only; null when it is not this user's alone (another user could plant code in
 * it: V8 checks a cache's source length, not its content), or cannot be made.
 */
function privateFolder(folder: string): string | null {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    if (process.platform === 'win32') return folder;
    return stat.uid === process.getuid?.() && (stat.mode & 0o077) === 0 ? folder : null;
  } catch {
    return null;
  }
}

type Compile = (this: Module, content: string, filename: string) => unknown;

/**
 * The cache file of a source: its CRC-32 (with Node's version and arch) and its length. V8 takes any
 * cache made for a source of the same length, so a file whose content changed needs another name; not
 * node:crypto's SHA-256, which would load Node's streams with it (about 4 ms) and hash slower.
 */
export function cacheName(content: string, runtime = `${process.version}\0${process.arch}\0`): string {
  const crc = zlib.crc32(content, zlib.crc32(runtime));
  return `${crc.toString(16).padStart(8, '0')}-${content.length.toString(36)}.bin`;
}

/**
 * Compiles the CommonJS files under `root` through vm.Script with a cache keyed by their content, Node's
 * version and arch; the caches of this run are written once, as it exits (a temp file, then a rename).
 * Without zlib.crc32 (Node before 20.15) the files compile as usual.
 */
export function useCodeCache(root: string, env: NodeJS.ProcessEnv = process.env): void {
  const folder = typeof zlib.crc32 === 'function' ? codeCacheFolder(env) : null;
  const cacheDir = folder && privateFolder(folder);
  if (!cacheDir) return;
  const fresh: { file: string; script: vm.Script }[] = [];
  const prototype = Module.prototype as unknown as { _compile: Compile };
  const compile = prototype._compile;
  prototype._compile = function (this: Module, content: string, filename: string) {
    if (!filename.startsWith(root)) return compile.call(this, content, filename);
    const file = path.join(cacheDir, cacheName(content));
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // The build writes no import() into these files (see electron.vite.config.ts), which vm.Script
    // could not run without an experimental loader.
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) fresh.push({ file, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    const required = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, required, this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { file, script } of fresh) {
      try {
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        // A cache that cannot be written only costs the next run its compile time.
      }
    }
  });
}
