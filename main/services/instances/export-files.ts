// Where export files may go and how a crashed export is cleaned up: never inside the data folder,
// and every export in progress is recorded so its temp file (tokens!) is removed on the next start.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../errors';
import { noCheckpoint, type Checkpoint } from '../ports';
import { staleTempFiles } from '../storage/atomic-file';
import type { TenantRegistry } from '../tenants/tenant-registry';
import { writeExportDocument, type ExportStream } from './export-document';

export interface ExportFilesOptions {
  dataDir: string;
  registry: TenantRegistry;
  checkpoint?: Checkpoint;
}

/** The real path of `target`'s folder joined with its name (a symlinked folder cannot hide the data folder). */
async function realTarget(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const folder = await fs.realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
  return path.join(folder, path.basename(absolute));
}

export class ExportFiles {
  constructor(private readonly options: ExportFilesOptions) {}

  /** Refuses a path inside the data folder (tenants.json, its lock, its temp files). */
  async assertOutsideDataFolder(target: string): Promise<string> {
    const file = await realTarget(target);
    const dataDir = await fs.realpath(this.options.dataDir).catch(() => path.resolve(this.options.dataDir));
    const relative = path.relative(dataDir, file);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new AppFailure(
        'export_unwritable',
        `${target} is inside the app's data folder (${dataDir}), where an export could overwrite the tenants file. ` +
          'Nothing was written: choose a file in another folder.',
      );
    }
    return file;
  }

  /** Writes the document as its instances arrive, recorded as in progress while its temp file exists. */
  async write(target: string, document: ExportStream): Promise<void> {
    const file = await this.assertOutsideDataFolder(target);
    const { registry } = this.options;
    await registry.update((data) => {
      data.exportsInProgress.push(file);
    });
    const checkpoint = this.options.checkpoint ?? noCheckpoint;
    checkpoint('export:recorded');
    try {
      await writeExportDocument(target, document, () => checkpoint('export:temp-written'));
    } finally {
      await registry
        .update((data) => {
          data.exportsInProgress = data.exportsInProgress.filter((other) => other !== file);
        })
        .catch(() => undefined);
    }
  }

  /** Temp files of recorded exports whose writer is gone. */
  async staleTempFiles(): Promise<string[]> {
    const { exportsInProgress } = await this.options.registry.read();
    const found = await Promise.all(
      exportsInProgress.map((file) => staleTempFiles(path.dirname(file), file)),
    );
    return found.flat();
  }

  /** Removes those temp files and forgets exports no live process is writing. */
  async removeStale(): Promise<string[]> {
    const stale = await this.staleTempFiles();
    for (const file of stale) await fs.rm(file, { force: true });
    await this.options.registry.update(async (data) => {
      const live: string[] = [];
      for (const file of data.exportsInProgress) {
        const names = await fs.readdir(path.dirname(file)).catch(() => [] as string[]);
        if (names.some((name) => name.startsWith(`.${path.basename(file)}.`) && name.endsWith('.tmp')))
          live.push(file);
      }
      data.exportsInProgress = live;
    });
    return stale;
  }
}
