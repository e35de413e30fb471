// Reads a tenant's activity log in chain order and checks it: every line must carry the hash of the
// line before it and the next number; the head file vouches for the last line. The first break wins.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ActivityChain } from '../../../common/contract';
import {
  ActivityLineSchema,
  GENESIS,
  lineHash,
  logFilesOf,
  readHead,
  tenantLogNames,
  type ActivityLine,
} from './activity-files';

interface Place {
  file: string;
  line: number;
}

export interface ActivityRead {
  /** Every entry that could be read, oldest first. */
  lines: ActivityLine[];
  chain: ActivityChain;
}

const where = (place: Place) => `${place.file} line ${place.line}`;

export async function readActivity(dir: string, tenantId: string): Promise<ActivityRead> {
  const lines: ActivityLine[] = [];
  let chain: ActivityChain = { ok: true };
  const broken = (place: Place, message: string) => {
    if (chain.ok) chain = { ok: false, brokenAt: place, message: `${where(place)}: ${message}` };
  };
  let expected = { prev: GENESIS, seq: 1 };
  let previous: Place | undefined;
  const hashes = new Map<number, { hash: string; place: Place }>();
  let end: Place | undefined;
  for (const file of await logFilesOf(dir, tenantId)) {
    const texts = (await fs.readFile(path.join(dir, file), 'utf8')).split('\n');
    if (texts.at(-1) === '') texts.pop();
    texts.forEach((text, index) => {
      const place = { file, line: index + 1 };
      end = place;
      const line = parseLine(text);
      if (!line) {
        broken(place, 'this line is not a whole activity entry (it was cut off or edited).');
        expected = { prev: lineHash(text), seq: expected.seq + 1 };
        previous = place;
        return;
      }
      if (line.prev !== expected.prev) {
        if (line.seq > expected.seq) {
          const missing = line.seq - expected.seq;
          broken(
            place,
            `${missing === 1 ? 'an entry is' : `${missing} entries are`} missing just before it.`,
          );
        } else if (previous && line.seq === expected.seq) {
          broken(
            previous,
            'this entry was changed after it was written (the next line no longer matches it).',
          );
        } else {
          broken(place, 'this entry does not follow the one before it.');
        }
      } else if (line.seq !== expected.seq) {
        broken(place, `this entry's number was changed (${line.seq}, expected ${expected.seq}).`);
      }
      lines.push(line);
      hashes.set(line.seq, { hash: lineHash(text), place });
      expected = { prev: lineHash(text), seq: line.seq + 1 };
      previous = place;
    });
  }
  const head = await readHead(path.join(dir, tenantLogNames(tenantId).head));
  if (head && chain.ok) {
    const last = hashes.get(head.seq);
    const lastSeq = expected.seq - 1;
    if (lastSeq < head.seq) {
      const missing = head.seq - lastSeq;
      const at = end
        ? { file: end.file, line: end.line + 1 }
        : { file: tenantLogNames(tenantId).current, line: 1 };
      broken(
        at,
        `the last ${missing === 1 ? 'entry is' : `${missing} entries are`} missing (entry ${head.seq} was written).`,
      );
    } else if (last && last.hash !== head.hash) {
      broken(last.place, 'this entry was changed after it was written.');
    }
  }
  return { lines, chain };
}

function parseLine(text: string): ActivityLine | null {
  try {
    const parsed = ActivityLineSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
