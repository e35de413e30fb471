// How the bench measures: A and B in turn (A B A B …) after a warm-up of each, the median of each
// side and of the per-round ratios A/B, and one printed table with the goal beside each figure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Side {
  label: string;
  run(): Promise<number>;
}

export interface Pairing {
  a: number[];
  b: number[];
  /** a[i] / b[i], round by round: a drifting machine slows both sides of a round alike. */
  ratios: number[];
}

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Runs A then B once each unmeasured, then `rounds` measured rounds of A then B. */
export async function alternate(a: Side, b: Side, rounds = ROUNDS): Promise<Pairing> {
  await a.run();
  await b.run();
  const pairing: Pairing = { a: [], b: [], ratios: [] };
  for (let round = 0; round < rounds; round += 1) {
    const timeA = await a.run();
    const timeB = await b.run();
    pairing.a.push(timeA);
    pairing.b.push(timeB);
    pairing.ratios.push(timeA / timeB);
  }
  return pairing;
}

export interface Row {
  id: string;
  measure: string;
  figure: string;
  goal: string;
  met: boolean;
}

const rows: Row[] = [];

/** Records a row and prints it at once (so a long run shows progress). */
export function report(row: Row): void {
  rows.push(row);
  console.log(`${row.met ? '✓' : '✗'} ${row.id}  ${row.measure}: ${row.figure}  (goal ${row.goal})`);
}

/** The table of every row so far, also written to test-results/bench-<name>.json. */
export function printTable(name: string): void {
  const width = (pick: (row: Row) => string) => Math.max(...rows.map((row) => pick(row).length), 4);
  const [w1, w2, w3] = [width((r) => r.measure), width((r) => r.figure), width((r) => r.goal)];
  const lines = rows.map(
    (r) =>
      `${r.id.padEnd(3)} ${r.measure.padEnd(w1)}  ${r.figure.padEnd(w2)}  ${r.goal.padEnd(w3)}  ${r.met ? 'met' : 'NOT met'}`,
  );
  console.log(
    `\n${'#'.padEnd(3)} ${'measure'.padEnd(w1)}  ${'now'.padEnd(w2)}  ${'goal'.padEnd(w3)}\n${lines.join('\n')}\n`,
  );
  const dir = resolve(__dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `bench-${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
