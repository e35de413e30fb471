// A startup that throws or rejects: an error box with the cause, the single-instance lock released (so the next
// launch is not swallowed) and a non-zero exit. Driven through a stand-in for the electron module.
import { dialog } from 'electron';
const electron = vi.hoisted(() => ({
  calls: [] as string[],
  boxes: [] as [string, string][],
  exitCode: undefined as number | undefined,
}));
vi.mock('electron', () => ({
  app: {
    whenReady: () => Promise.resolve(),
    releaseSingleInstanceLock: () => void electron.calls.push('releaseSingleInstanceLock'),
    exit: (code: number) => {
      electron.calls.push('exit');
      electron.exitCode = code;
    },
  },
  dialog: {
    showErrorBox: (title: string, content: string) => {
      electron.calls.push('showErrorBox');
      electron.boxes.push([title, content]);
    },
  },
}));

const { startWhenReady, STARTUP_FAILED_TITLE } = await import('../../../../main/electron/startup');

beforeEach(() => {
  electron.calls = [];
  electron.boxes = [];
  electron.exitCode = undefined;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('startWhenReady', () => {
  it('runs start once Electron is ready and leaves the app alone when it succeeds', async () => {
    const start = vi.fn();
    await startWhenReady(start);
    expect(start).toHaveBeenCalledOnce();
    expect(electron.calls).toEqual([]);
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('The data folder /home/me/.element-auth cannot be written.');
      },
    ],
    ['rejects', () => Promise.reject(new Error('The data folder /home/me/.element-auth cannot be written.'))],
  ])('when start %s: shows the cause, releases the lock, exits 1', async (_how, start) => {
    await startWhenReady(start);
    expect(electron.calls).toEqual(['showErrorBox', 'releaseSingleInstanceLock', 'exit']);
    expect(electron.exitCode).toBe(1);
    const [[title, content]] = electron.boxes as [[string, string]];
    expect(title).toBe(STARTUP_FAILED_TITLE);
    expect(content).toMatch(/^The data folder \/home\/me\/\.element-auth cannot be written\.\n\n/);
    expect(content).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('still releases the lock and exits when the error box itself fails', async () => {
    const spy = vi.spyOn(dialog, 'showErrorBox').mockImplementation(() => {
      throw new Error('no display');
    });
    await startWhenReady(() => {
      throw new Error('boom');
    }).catch(() => {});
    expect(electron.calls).toEqual(['releaseSingleInstanceLock', 'exit']);
    expect(electron.exitCode).toBe(1);
    spy.mockRestore();
  });
});
