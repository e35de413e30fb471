// The streaming array reader: the same items JSON.parse gives, whatever the chunking (a multi-byte
// character or an escaped quote split across chunks included), and each broken stream refused by name.
import { describe, expect, it } from 'vitest';
import {
  jsonArrayItems,
  JsonStreamError,
  type JsonStreamProblem,
} from '../../../../../main/services/cloud-elements/json-array-items';

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(text: string, size = 7, max = 1_000_000): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of jsonArrayItems(chunks(text, size), max)) items.push(item);
  return items;
}

async function problem(text: string, size = 5, max = 1_000_000): Promise<JsonStreamProblem | 'none'> {
  try {
    await read(text, size, max);
    return 'none';
  } catch (error) {
    if (error instanceof JsonStreamError) return error.problem;
    throw error;
  }
}

const tricky = [
  { id: 1, name: 'Ünïcødé “quotes” 🚀', nested: { list: [1, [2, { deep: ']' }]], empty: {} } },
  { id: 2, name: 'braces } ] { [ and commas , inside', escaped: 'a \\"quoted\\" \\\\ back\\\\slash' },
  { id: 3, note: 'looks like a cut: }, { and },{"id":9}', list: [{ a: 1 }, { b: [{ c: 2 }, { d: 3 }] }] },
  'a bare string, with a comma ]',
  42,
  -1.5e3,
  true,
  null,
  [],
  {},
];

describe('jsonArrayItems', () => {
  it('gives exactly the items JSON.parse gives, for every chunk size', async () => {
    const pretty = JSON.stringify(tricky, null, 2);
    for (const size of [1, 2, 3, 5, 64, 100_000]) {
      expect(await read(pretty, size)).toEqual(tricky);
      expect(await read(JSON.stringify(tricky), size)).toEqual(tricky);
    }
  });

  it('reads many items in runs as well as one by one, with cuts that only look like item ends', async () => {
    const many = Array.from({ length: 500 }, (_, index) => ({
      id: index,
      nested: [{ a: index }, { b: '}, {' }],
      text: `x}, {"id": ${index}} ,{`,
    }));
    for (const size of [3, 100, 4096, 65_536]) {
      expect(await read(JSON.stringify(many), size)).toEqual(many);
      expect(await read(JSON.stringify(many, null, 2), size)).toEqual(many);
    }
  });

  it('reads an empty array, with or without spaces', async () => {
    expect(await read('[]')).toEqual([]);
    expect(await read('  [ \n ]  \n')).toEqual([]);
  });

  it('refuses what is not one well-formed array', async () => {
    expect(await problem('{"message":"not a list"}')).toBe('not_array');
    expect(await problem('')).toBe('not_array');
    expect(await problem('[{"id":1},{"id":2}')).toBe('cut_short');
    expect(await problem('[{"id":1},{"id":')).toBe('cut_short');
    expect(await problem('[{"id":1} {"id":2}]')).toBe('malformed');
    expect(await problem('[{"id":1}, {"id":2} {"id":3}, {"id":4}, {"id":5}]', 1000)).toBe('malformed');
    expect(await problem('[{"id":1} {"id":2}, {"id":3}, {"id":4}]', 1000)).toBe('malformed');
    expect(await problem('[{"id":1},]')).toBe('malformed');
    expect(await problem('[,{"id":1}]')).toBe('malformed');
    expect(await problem('[{"id":1}] trailing')).toBe('malformed');
    expect(await problem('[{"id":1,}]')).toBe('malformed');
  });

  it('stops at an item larger than the limit, without reading it whole', async () => {
    const big = JSON.stringify([{ id: 1 }, { id: 2, blob: 'x'.repeat(5_000) }]);
    expect(await problem(big, 64, 1_000)).toBe('item_too_large');
    expect(await problem(big, 100_000, 1_000)).toBe('item_too_large');
    expect(await read(big, 64, 10_000)).toHaveLength(2);
  });

  it('hands out each item before the rest of the stream arrives', async () => {
    let sent = 0;
    async function* slow(): AsyncGenerator<string> {
      for (const part of ['[{"id":1}', ',{"id":2}', ',{"id":3}]']) {
        sent += 1;
        yield part;
      }
    }
    const seenAt: number[] = [];
    for await (const item of jsonArrayItems(slow(), 100)) seenAt.push(sent, (item as { id: number }).id);
    expect(seenAt).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
