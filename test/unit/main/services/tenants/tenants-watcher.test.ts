// The app notices tenants.json changed by another process: a burst of changes is one refresh, other
// files are ignored, and through createServices the windows get 'tenants.changed' with the new list.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { watchTenants } from '../../../../../main/services/tenants/tenants-watcher';
import { MemorySecretStore, RecordingEvents } from '../../../../fakes/memory-secret-store';
import { buildServices, buildTenants, removeDir, tempDataDir } from '../../../../integration/tenants-support';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

describe('watching tenants.json', () => {
  it('debounces a burst of changes to one call and ignores other files', async () => {
    vi.useFakeTimers();
    const dataDir = await tempDataDir('watcher-unit');
    dirs.push(dataDir);
    let fire: (file: string | null) => void = () => undefined;
    const close = vi.fn();
    const onChange = vi.fn();
    const stop = watchTenants({
      dataDir,
      onChange,
      watchFolder: (_dir, listener) => {
        fire = listener;
        return { close };
      },
    });
    for (const file of ['tenants.json', '.tenants.json.1.ab.tmp', 'tenants.json', null]) fire(file);
    vi.runAllTimers();
    fire('tenants.json.lock');
    vi.runAllTimers();
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(close).toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('tells the windows about a tenant another process added', async () => {
    const dataDir = await tempDataDir('watcher-services');
    dirs.push(dataDir);
    const store = new MemorySecretStore();
    const events = new RecordingEvents();
    const app = buildServices({ dataDir, secretStore: store, events });
    const stop = await app.start();
    try {
      const cli = buildTenants({ dataDir, secretStore: store });
      await cli.service.add({
        name: 'From the CLI',
        environment: 'us',
        orgSecret: 'o'.repeat(16),
        userSecret: 'u'.repeat(16),
      });
      await vi.waitFor(
        () =>
          expect(
            events
              .of('tenants.changed')
              .at(-1)
              ?.tenants.map((tenant) => tenant.name),
          ).toEqual(['From the CLI']),
        { timeout: 10_000, interval: 50 },
      );
    } finally {
      stop();
    }
  });
});
