// An export stream read to the end as the document a file would hold: the text the writer writes,
// parsed back, so tests check what a user's file contains.
import {
  exportDocumentText,
  type ExportDocument,
  type ExportStream,
} from '../../main/services/instances/export-document';

export async function exportText(stream: ExportStream): Promise<string> {
  let text = '';
  for await (const piece of exportDocumentText(stream)) text += piece;
  return text;
}

export async function readExport(stream: ExportStream): Promise<ExportDocument> {
  return JSON.parse(await exportText(stream)) as ExportDocument;
}
