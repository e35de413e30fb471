// The table model split for speed: rows sorted with their search keys once per list or sort, and a
// keystroke that only filters them. It must keep exactly what the one-step filter kept, in order.
import { describe, expect, it } from 'vitest';
import type { InstanceSummary } from '../../../../common/contract';
import {
  filterRows,
  filterWords,
  sortedRows,
  visibleRows,
  type Sort,
} from '../../../../renderer/models/instance-rows';

const ELEMENTS = ['zohocrmv2', 'hubspotcrm', 'sfdc'];
const TAGS = ['acme', 'crm', 'marketing', 'EU', 'old'];

function instance(id: number): InstanceSummary {
  return {
    id,
    name: `${id % 3 === 0 ? 'Acme' : 'Beta'} ${['CRM', 'Portal', 'Sync'][id % 3]} ${id}`,
    elementKey: ELEMENTS[id % ELEMENTS.length] ?? 'sfdc',
    createdDate: new Date(Date.UTC(2024, 0, 1) + ((id * 7919) % 1000) * 60_000).toISOString(),
    valid: id % 4 !== 0,
    disabled: id % 9 === 0,
    tags: TAGS.filter((_, index) => (id >> index) % 2 === 1),
  };
}

const INSTANCES = Array.from({ length: 400 }, (_, index) => instance(400 - index));
const FILTERS = [
  '',
  'acme',
  'ACME crm',
  'hubspot',
  'eu',
  '12',
  'sync 3',
  'portal  marketing',
  'nothing',
  ' old ',
];
const SORTS: Sort[] = [
  { key: 'name', direction: 'asc' },
  { key: 'createdDate', direction: 'desc' },
  { key: 'status', direction: 'asc' },
  { key: 'tags', direction: 'desc' },
];

/** The rule as written before the split: each word in the row's name, element, id or tags. */
function plainFilter(instances: InstanceSummary[], filter: string): Set<number> {
  const words = filterWords(filter);
  return new Set(
    instances
      .filter((row) =>
        words.every((word) =>
          [row.name, row.elementKey, String(row.id), ...row.tags].join(' ').toLowerCase().includes(word),
        ),
      )
      .map((row) => row.id),
  );
}

describe('instance rows', () => {
  it.each(SORTS)('keeps what the plain filter keeps, in the sorted order ($key $direction)', (sort) => {
    const sorted = sortedRows(INSTANCES, sort);
    const order = sorted.map((row) => row.instance.id);
    for (const filter of FILTERS) {
      const kept = filterRows(sorted, filter).map((row) => row.id);
      expect(new Set(kept), filter).toEqual(plainFilter(INSTANCES, filter));
      expect(kept, filter).toEqual(order.filter((id) => kept.includes(id)));
      expect(visibleRows(INSTANCES, filter, sort).map((row) => row.id)).toEqual(kept);
    }
  });

  it('filters on name, element, id and tags, and not on the status', () => {
    const sorted = sortedRows(INSTANCES, SORTS[0]!);
    const ids = (filter: string) => filterRows(sorted, filter).map((row) => row.id);
    expect(ids('portal 301')).toEqual([301]);
    expect(ids('hubspotcrm').every((id) => instance(id).elementKey === 'hubspotcrm')).toBe(true);
    expect(ids('marketing').every((id) => instance(id).tags.includes('marketing'))).toBe(true);
    expect(ids('disabled')).toEqual([]);
  });

  it('hands back the same instance objects, so unchanged rows stay unchanged for the table', () => {
    const sorted = sortedRows(INSTANCES, SORTS[0]!);
    const all = filterRows(sorted, '');
    expect(all).toHaveLength(INSTANCES.length);
    for (const row of all) expect(INSTANCES).toContain(row);
  });

  it('looks through the keys the sort made, lowercased once', () => {
    const sorted = sortedRows([instance(7)], SORTS[0]!);
    expect(sorted[0]?.searchKey).toBe(sorted[0]?.searchKey.toLowerCase());
    expect(filterRows(sorted, 'BETA')).toHaveLength(1);
  });

  it('leaves the list it was given in its order', () => {
    const before = INSTANCES.map((row) => row.id);
    sortedRows(INSTANCES, SORTS[1]!);
    expect(INSTANCES.map((row) => row.id)).toEqual(before);
  });
});
