// Allocates as a streaming export does (a window of live objects, replaced batch after batch, with the
// event loop turning in between), then prints the young generation's size. argv: 'capped' | 'free'.
import { setImmediate as turn } from 'node:timers/promises';
import v8 from 'node:v8';
import { capYoungGeneration } from '../../../../main/cli/young-generation';

if (process.argv[2] === 'capped') await capYoungGeneration();
let window: object[] = [];
for (let batch = 0; batch < 300; batch += 1) {
  for (let i = 0; i < 10_000; i += 1) window.push({ id: i, name: `instance-${batch}-${i}`, tags: [batch] });
  if (window.length >= 50_000) window = [];
  await turn();
}
const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
process.stdout.write(String(young?.space_size ?? 0));
