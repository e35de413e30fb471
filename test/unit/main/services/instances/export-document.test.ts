// The export written piece by piece is, byte for byte, the document JSON.stringify would lay out, for
// no, one and many instances (and a tenant name that looks like the list's placeholder).
import { describe, expect, it } from 'vitest';
import type { PlatformInstance } from '../../../../../main/services/cloud-elements/platform-client';
import {
  exportDocumentText,
  exportHead,
  type ExportStream,
} from '../../../../../main/services/instances/export-document';

function streamOf(instances: PlatformInstance[], name = 'Acme'): { stream: ExportStream; whole: string } {
  const head = exportHead({
    tenant: { name, environment: 'us', baseUrl: 'https://api.cloud-elements.com/elements/api-v2' },
    exportedAt: new Date('2024-05-17T09:30:00Z'),
    includeSecrets: false,
  });
  async function* items() {
    yield* instances;
  }
  const whole = `${JSON.stringify({ ...head, instances }, null, 2)}\n`;
  return { stream: { head, instances: items(), count: 0 }, whole };
}

async function written(stream: ExportStream): Promise<{ text: string; pieces: number }> {
  let text = '';
  let pieces = 0;
  for await (const piece of exportDocumentText(stream)) {
    text += piece;
    pieces += 1;
  }
  return { text, pieces };
}

const instance = (id: number): PlatformInstance => ({
  id,
  name: `zoho ${id} “null” [x]`,
  configuration: { 'oauth.callback.url': 'https://example.com/cb', nested: { list: [1, null, 'null'] } },
  tags: ['a', 'b'],
});

describe('exportDocumentText', () => {
  it('lays out no instances, one, and many exactly as JSON.stringify(document, null, 2)', async () => {
    // Instances are laid out in runs of 32: the counts around a run's end too.
    for (const count of [0, 1, 3, 31, 32, 33, 64, 65]) {
      const { stream, whole } = streamOf(Array.from({ length: count }, (_, index) => instance(index + 1)));
      expect((await written(stream)).text).toBe(whole);
    }
  });

  it('keeps a tenant named "null" intact', async () => {
    const { stream, whole } = streamOf([instance(1)], 'null');
    expect((await written(stream)).text).toBe(whole);
  });

  it('hands out a long export in pieces rather than one string', async () => {
    const { stream, whole } = streamOf(Array.from({ length: 2_000 }, (_, index) => instance(index + 1)));
    const { text, pieces } = await written(stream);
    expect(text).toBe(whole);
    expect(pieces).toBeGreaterThan(5);
  });
});
