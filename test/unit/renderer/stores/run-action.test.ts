// The one store action helper: a channel that succeeds with null is a success, a refusal is the
// envelope's error next to the action, a throwing transport is a plain sentence, a late answer is dropped.
import { describe, expect, it } from 'vitest';
import type { AppError, Result } from '../../../../common/contract';
import { DROPPED, runAction, type ActionHost } from '../../../../renderer/stores/run-action';

function recordingHost(scope?: () => unknown) {
  const seen: string[] = [];
  const host: ActionHost<string> = {
    begin: (action) => seen.push(`begin ${action}`),
    end: (action, error) => seen.push(`end ${action} ${error?.code ?? 'ok'}`),
    ...(scope ? { scope } : {}),
  };
  return { host, seen };
}

const refused: AppError = { code: 'platform_unauthorized', message: 'The platform refused.' };

describe('runAction', () => {
  it('calls a channel that answers null a success, with the value null', async () => {
    const { host, seen } = recordingHost();
    const result = await runAction(host, 'copy', async (): Promise<Result<null>> => ({
      ok: true,
      value: null,
    }));
    expect(result).toEqual({ ok: true, value: null });
    expect(seen).toEqual(['begin copy', 'end copy ok']);
  });

  it('gives the envelope’s error to the host and to the caller', async () => {
    const { host, seen } = recordingHost();
    const result = await runAction(host, 'verify', async (): Promise<Result<number>> => ({
      ok: false,
      error: refused,
    }));
    expect(result).toEqual({ ok: false, error: refused });
    expect(seen).toEqual(['begin verify', 'end verify platform_unauthorized']);
  });

  it('turns a transport that throws into the internal error in words, never an exception', async () => {
    const { host, seen } = recordingHost();
    const result = await runAction(host, 'load', () => Promise.reject(new Error('ipc closed')));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/went wrong/) },
    });
    expect(seen).toEqual(['begin load', 'end load internal']);
  });

  it('drops an answer that comes after the scope moved on: the host hears nothing more', async () => {
    let tenant = 'acme';
    const { host, seen } = recordingHost(() => tenant);
    let answer: (value: Result<string>) => void = () => {};
    const pending = runAction(
      host,
      'start',
      () => new Promise<Result<string>>((resolve) => (answer = resolve)),
    );
    tenant = 'globex';
    answer({ ok: true, value: 'Acme’s answer' });
    expect(await pending).toEqual({ ok: false, error: DROPPED });
    expect(seen).toEqual(['begin start']);
  });
});
