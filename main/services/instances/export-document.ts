// The export document ("element-authenticator/instances@1") and how it is written: redacted by
// default; with secrets included the file is owner-only (0600). Written atomically via a temp file.
import type { PlatformInstance } from '../cloud-elements/platform-client';
import { AppFailure } from '../errors';
import { writeFileAtomic } from '../storage/atomic-file';

export const EXPORT_FORMAT = 'element-authenticator/instances@1';
/** The destination the activity log names for an export written to standard output (the CLI's default). */
export const EXPORT_TO_STDOUT = 'stdout';

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

export interface ExportHeadInput {
  tenant: ExportTenant;
  exportedAt: Date;
  includeSecrets: boolean;
}

/** Everything of the document but its instances. */
export type ExportHead = Omit<ExportDocument, 'instances'>;

/**
 * A document on its way out: the head, then the instances as they come from the platform (already
 * redacted, or completed from the keychain); `count` is how many have passed so far.
 */
export interface ExportStream {
  head: ExportHead;
  instances: AsyncIterable<PlatformInstance>;
  readonly count: number;
}

export function exportHead(input: ExportHeadInput): ExportHead {
  return {
    format: EXPORT_FORMAT,
    exportedAt: input.exportedAt.toISOString(),
    tenant: { name: input.tenant.name, environment: input.tenant.environment, baseUrl: input.tenant.baseUrl },
    secretsIncluded: input.includeSecrets,
  };
}

/** Instances laid out at once: one JSON.stringify for a run of them costs about a third less than one each. */
const RUN = 32;

/**
 * A run of instances laid out two levels deep, as in the document's list, separated as there (",\n    "):
 * JSON.stringify indents them itself.
 */
const nested = (run: readonly PlatformInstance[]) => JSON.stringify([run], null, 2).slice(10, -6);

/**
 * The document's text in pieces (a run of 32 instances each, about 64 KB), byte for byte
 * `JSON.stringify(document, null, 2)` and a newline, while at most one run is held: the head is laid
 * out once, each run of instances indented into it.
 */
export async function* exportDocumentText(stream: ExportStream): AsyncGenerator<string> {
  // The instances are the head's last field: the last "null" is the place of the list's items.
  const shell = JSON.stringify({ ...stream.head, instances: [null] }, null, 2);
  const at = shell.lastIndexOf('null');
  let run: PlatformInstance[] = [];
  let first = true;
  const piece = () => {
    const text = (first ? shell.slice(0, at) : ',\n    ') + nested(run);
    first = false;
    run = [];
    return text;
  };
  for await (const instance of stream.instances) {
    run.push(instance);
    if (run.length === RUN) yield piece();
  }
  if (run.length > 0) yield piece();
  yield first
    ? `${JSON.stringify({ ...stream.head, instances: [] }, null, 2)}\n`
    : `${shell.slice(at + 4)}\n`;
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
 * half a file. With secrets the file is created 0600 and stays so; otherwise the usual 0644. A platform
 * failure while the instances arrive leaves no file and keeps its own sentence.
 */
export async function writeExportDocument(
  path: string,
  stream: ExportStream,
  beforeRename?: () => void,
): Promise<void> {
  try {
    await writeFileAtomic(
      path,
      exportDocumentText(stream),
      stream.head.secretsIncluded ? 0o600 : 0o644,
      beforeRename,
    );
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new AppFailure(
      'export_unwritable',
      `The export could not be written to ${path}${reason}. Choose another folder.`,
    );
  }
}
