// The router: validates every payload, answers in the envelope, maps typed failures to codes,
// hides unexpected errors, and strips any field the contract does not name from what it returns.
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../../main/router/router';
import { AppFailure } from '../../../../main/services/errors';
import { silentLogger } from '../../../../main/services/ports';

function routerWith(handlers: Partial<Handlers>) {
  return createRouter(handlers as Handlers, silentLogger);
}

describe('router', () => {
  it('refuses a channel that is not in the contract', async () => {
    const result = await routerWith({}).invoke('tenants.dumpSecrets', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses an input that does not match the schema, naming the field', async () => {
    let called = false;
    const router = routerWith({
      'flow.paste': () => {
        called = true;
        return { step: 'idle' };
      },
    });
    const result = await router.invoke('flow.paste', { url: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('url');
    }
    expect(called).toBe(false);
  });

  it('answers a typed failure with its code, sentence and details', async () => {
    const router = routerWith({
      'app.info': () => {
        throw new AppFailure('platform_unauthorized', 'The platform refused the secrets.', { status: 401 });
      },
    });
    expect(await router.invoke('app.info', undefined)).toEqual({
      ok: false,
      error: {
        code: 'platform_unauthorized',
        message: 'The platform refused the secrets.',
        details: { status: 401 },
      },
    });
  });

  it('hides an unexpected error behind a plain sentence', async () => {
    const router = routerWith({
      'app.info': () => {
        throw new Error('Authorization: User u-secret, Organization o-secret');
      },
    });
    const result = await router.invoke('app.info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('strips fields the contract does not name from the value', async () => {
    const router = routerWith({
      'app.info': () => ({ name: 'EA', version: '1', platform: 'linux', orgSecret: 'leak' }) as never,
    });
    const result = await router.invoke('app.info', undefined);
    expect(result).toEqual({ ok: true, value: { name: 'EA', version: '1', platform: 'linux' } });
  });
});
