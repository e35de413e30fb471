// The export document ("element-authenticator/instances@1") and how it is written: redacted by
// default; with secrets included the file is owner-only (0600). Written atomically via a temp file.
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PlatformInstance } from '../cloud-elements/platform-client';
import { AppFailure } from '../errors';
import { redactInstance } from './redact';

export const EXPORT_FORMAT = 'element-authenticator/instances@1';

export interface ExportTenant {
  name: string;
  environment: string;
  baseUrl: string;
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  tenant: ExportTenant;
  secretsIncluded: boolean;
  instances: PlatformInstance[];
}

export interface ExportInput {
  tenant: ExportTenant;
  exportedAt: Date;
  /** As the platform returns them; with secrets included, already completed from the keychain. */
  instances: PlatformInstance[];
  includeSecrets: boolean;
}

export function buildExportDocument(input: ExportInput): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    exportedAt: input.exportedAt.toISOString(),
    tenant: { name: input.tenant.name, environment: input.tenant.environment, baseUrl: input.tenant.baseUrl },
    secretsIncluded: input.includeSecrets,
    instances: input.includeSecrets
      ? input.instances
      : input.instances.map((instance) => redactInstance(instance)),
  };
}

/** A file name to suggest in the save dialog, e.g. "acme-instances-2024-01-31.json" ("acme-activity-….csv"). */
export function suggestedExportName(
  tenantName: string,
  at: Date,
  kind = 'instances',
  extension = 'json',
): string {
  const slug = tenantName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'tenant'}-${kind}-${at.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * Writes the document next to its final path, then renames it into place, so a reader never sees
 * half a file. With secrets the file is created 0600 and stays so; otherwise the usual 0644.
 */
export async function writeExportDocument(path: string, document: ExportDocument): Promise<void> {
  const mode = document.secretsIncluded ? 0o600 : 0o644;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new AppFailure(
      'export_unwritable',
      `The export could not be written to ${path}${reason}. Choose another folder.`,
    );
  }
}
