// Notices changes another process (the CLI) makes to tenants.json: fs.watch on the data folder,
// debounced, then one refresh. Plain Node; the app starts it, the CLI never does.
import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { METADATA_FILE_NAME } from './tenant-registry';

export interface TenantsWatcherOptions {
  dataDir: string;
  /** Called once per burst of changes (e.g. to emit 'tenants.changed'). */
  onChange: () => void;
  debounceMs?: number;
  /** The file system watcher, replaceable in tests. */
  watchFolder?: (dir: string, listener: (file: string | null) => void) => Pick<FSWatcher, 'close'>;
}

const watchWithNode: NonNullable<TenantsWatcherOptions['watchFolder']> = (dir, listener) =>
  watch(dir, { persistent: false }, (_event, file) => listener(file === null ? null : String(file)));

/**
 * Watches the folder rather than the file: every write replaces tenants.json by a rename, which
 * ends a watch on the file itself. Returns the function that stops watching.
 */
export function watchTenants(options: TenantsWatcherOptions): () => void {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  let timer: NodeJS.Timeout | undefined;
  const watcher = (options.watchFolder ?? watchWithNode)(options.dataDir, (file) => {
    if (file !== null && file !== METADATA_FILE_NAME) return;
    clearTimeout(timer);
    timer = setTimeout(options.onChange, options.debounceMs ?? 150);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
