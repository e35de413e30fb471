// The export document ("element-authenticator/instances@1") and how it is written: redacted by
// default; with secrets included the file is owner-only (0600). Written atomically via a temp file.
import type { PlatformInstance } from '../cloud-elements/platform-client';
import { AppFailure } from '../errors';
import { writeFileAtomic } from '../storage/atomic-file';
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
 * Writes the document atomically (a temp file beside it, then a rename), so a reader never sees
 * half a file. With secrets the file is created 0600 and stays so; otherwise the usual 0644.
 */
export async function writeExportDocument(
  path: string,
  document: ExportDocument,
  beforeRename?: () => void,
): Promise<void> {
  try {
    await writeFileAtomic(
      path,
      `${JSON.stringify(document, null, 2)}\n`,
      document.secretsIncluded ? 0o600 : 0o644,
      beforeRename,
    );
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new AppFailure(
      'export_unwritable',
      `The export could not be written to ${path}${reason}. Choose another folder.`,
    );
  }
}
