// Every file under a folder with its text, for the "no secret written in clear" scans.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    const full = path.join(dir, entry);
    if ((await stat(full)).isFile()) files.set(entry, await readFile(full, 'utf8'));
  }
  return files;
}
