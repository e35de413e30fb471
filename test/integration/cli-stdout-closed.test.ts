// The built element-auth CLI when the reader of its output goes away early (`element-auth … | head`):
// it stops writing, says nothing and exits 141 (as a command stopped by SIGPIPE), never a stack trace;
// an export cut short that way is in the activity log as a failed export of what went out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTenant, buildCliOnce, createWorld, type CliWorld } from './cli-helpers';

// More than a pipe's buffers hold (spawn's stdout is a socket pair: a few hundred KB), so the reader
// closing it is seen by the CLI: the list is about 750 KB, the export about 19 MB.
const INSTANCES = 10_000;
let world: CliWorld;

beforeAll(async () => {
  await buildCliOnce();
  world = await createWorld('stdout-closed');
  await addTenant(world, 'Acme');
  world.platform.seedInstances(INSTANCES, { namePrefix: 'seeded' });
}, 120_000);

afterAll(async () => {
  await world.close();
});

/** Runs the CLI and closes the reading end of its stdout as soon as the first output arrives. */
async function readFirstChunkOnly(args: string[]) {
  const running = world.start(args);
  running.child.stdin.end();
  running.child.stdout.once('data', () => running.child.stdout.destroy());
  return running.done;
}

describe('element-auth whose output is closed early', () => {
  it('stops a long list quietly with exit 141', async () => {
    const result = await readFirstChunkOnly(['instances', 'list']);
    expect(result.stderr).toBe(`Acme: ${INSTANCES} instances\n`);
    expect(result.code).toBe(141);
  });

  it('stops an export with secrets quietly and records what went out as a failed export', async () => {
    const result = await readFirstChunkOnly(['instances', 'export', '--all', '--include-secrets']);
    expect(result.stderr).toBe('warning: this export includes secrets (tokens, secret configuration).\n');
    expect(result.code).toBe(141);

    const activity = await world.run(['activity', '--json']);
    const [newest] = (
      JSON.parse(activity.stdout) as {
        entries: { action: string; outcome: string; details: Record<string, unknown> }[];
      }
    ).entries;
    expect(newest).toMatchObject({
      action: 'instances.exported',
      outcome: 'failed',
      details: { secretsIncluded: true, to: 'stdout' },
    });
    const ids = newest?.details.instanceIds as number[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(INSTANCES);
  });

  it('still exports everything, recorded as done, when the reader takes it all', async () => {
    const result = await world.run(['instances', 'export', '--all']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { instances: unknown[] }).instances).toHaveLength(INSTANCES);
    const activity = await world.run(['activity', '--json']);
    const [newest] = (JSON.parse(activity.stdout) as { entries: { outcome: string; details: unknown }[] })
      .entries;
    expect(newest).toMatchObject({ outcome: 'ok', details: { secretsIncluded: false, to: 'stdout' } });
  });
});
