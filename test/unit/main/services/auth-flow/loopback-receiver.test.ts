// Tests of the loopback door with a real listener on 127.0.0.1 (and ::1 for localhost): the close-this-tab
// page, 404 on other paths while it keeps listening, one-shot closing, refusals, timeout and a busy port.
import { get } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LoopbackReceiver,
  type LoopbackVerdict,
} from '../../../../../main/services/auth-flow/loopback-receiver';
import { isFailure } from '../../../../../main/services/errors';
import { freePort } from '../../../../support/free-port';

const IPV6_LOOPBACK = await hasIpv6Loopback();

const open: LoopbackReceiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((receiver) => receiver.close()));
});

async function receiver(
  onCallback: (url: string) => LoopbackVerdict,
  options: { host?: string; timeoutMs?: number; onTimeout?: () => void } = {},
) {
  const port = await freePort();
  const callbackUrl = `http://${options.host ?? '127.0.0.1'}:${port}/oauth/callback`;
  const started = await LoopbackReceiver.start({
    callbackUrl,
    onCallback,
    timeoutMs: options.timeoutMs ?? 10_000,
    onTimeout: options.onTimeout,
  });
  open.push(started);
  return { started, port, callbackUrl };
}

const accept = (): LoopbackVerdict => ({ accepted: true, message: 'Received. You can close this tab.' });

describe('LoopbackReceiver', () => {
  it('hands the full callback URL over, answers with a self-contained page and closes', async () => {
    const seen: string[] = [];
    const { started, port, callbackUrl } = await receiver((url) => {
      seen.push(url);
      return accept();
    });
    const response = await fetch(`${callbackUrl}?code=c1&state=s1&location=eu`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('You can close this tab');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(seen).toEqual([`http://127.0.0.1:${port}/oauth/callback?code=c1&state=s1&location=eu`]);
    await expect.poll(() => started.isClosed).toBe(true);
    await expect(fetch(`${callbackUrl}?code=again&state=s1`)).rejects.toThrow();
  });

  it('answers 404 on other paths and keeps listening', async () => {
    const seen: string[] = [];
    const { port, callbackUrl } = await receiver((url) => {
      seen.push(url);
      return accept();
    });
    expect((await fetch(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/oauth/callback/extra?code=c`)).status).toBe(404);
    expect(seen).toEqual([]);
    expect((await fetch(`${callbackUrl}?code=c&state=s`)).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('answers a refused hit with 400 and the reason, escaped, and keeps listening', async () => {
    let calls = 0;
    const { started, callbackUrl } = await receiver(() => {
      calls += 1;
      return calls === 1 ? { accepted: false, message: 'State <b>mismatch</b>' } : accept();
    });
    const refused = await fetch(`${callbackUrl}?code=c&state=wrong`);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('State &#60;b&#62;mismatch&#60;/b&#62;');
    expect(started.isClosed).toBe(false);
    expect((await fetch(`${callbackUrl}?code=c&state=right`)).status).toBe(200);
  });

  it('refuses other methods and a foreign Host header without calling the flow', async () => {
    let calls = 0;
    const { port, callbackUrl } = await receiver(() => {
      calls += 1;
      return accept();
    });
    expect((await fetch(`${callbackUrl}?code=c&state=s`, { method: 'POST' })).status).toBe(405);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/oauth/callback?code=c&state=s',
          headers: { host: 'evil.example:80' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect(calls).toBe(0);
  });

  it('accepts the localhost form of the callback URL', async () => {
    const { callbackUrl, port } = await receiver(accept, { host: 'localhost' });
    expect(callbackUrl).toBe(`http://localhost:${port}/oauth/callback`);
    expect((await fetch(`http://127.0.0.1:${port}/oauth/callback?code=c&state=s`)).status).toBe(200);
  });

  it('closes on timeout and says so', async () => {
    let timedOut = false;
    const { started, callbackUrl } = await receiver(accept, {
      timeoutMs: 50,
      onTimeout: () => {
        timedOut = true;
      },
    });
    await expect.poll(() => timedOut).toBe(true);
    expect(started.isClosed).toBe(true);
    await expect(fetch(`${callbackUrl}?code=c&state=s`)).rejects.toThrow();
  });

  it('closes on cancel (close), twice without harm', async () => {
    const { started, callbackUrl } = await receiver(accept);
    await started.close();
    await started.close();
    await expect(fetch(`${callbackUrl}?code=c&state=s`)).rejects.toThrow();
  });

  it('fails with a clear sentence when the port is taken', async () => {
    const { port } = await receiver(accept);
    const error = await LoopbackReceiver.start({
      callbackUrl: `http://127.0.0.1:${port}/oauth/callback`,
      onCallback: accept,
      timeoutMs: 1000,
    }).catch((caught: unknown) => caught);
    expect(isFailure(error, 'invalid_input')).toBe(true);
    expect((error as Error).message).toMatch(`Port ${port}`);
  });

  describe.skipIf(!IPV6_LOOPBACK)('a localhost callback', () => {
    it('is heard on ::1 too, where a browser may resolve localhost', async () => {
      const seen: string[] = [];
      const { port } = await receiver(
        (url) => {
          seen.push(url);
          return accept();
        },
        { host: 'localhost' },
      );
      const status = await new Promise<number | undefined>((resolve, reject) => {
        get(
          {
            host: '::1',
            port,
            path: '/oauth/callback?code=c&state=s',
            headers: { host: `localhost:${port}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        ).on('error', reject);
      });
      expect(status).toBe(200);
      expect(seen).toEqual([`http://localhost:${port}/oauth/callback?code=c&state=s`]);
    });

    it('does not start when another program holds the port on ::1, and frees 127.0.0.1 again', async () => {
      const port = await freePort();
      const squatter = createServer();
      await new Promise<void>((resolve) => squatter.listen(port, '::1', resolve));
      try {
        const error = await LoopbackReceiver.start({
          callbackUrl: `http://localhost:${port}/oauth/callback`,
          onCallback: accept,
          timeoutMs: 10_000,
        }).catch((caught: unknown) => caught);
        expect(isFailure(error, 'invalid_input')).toBe(true);
        expect((error as Error).message).toMatch(`Port ${port}`);
        const again = createServer();
        await new Promise<void>((resolve, reject) =>
          again.once('error', reject).listen(port, '127.0.0.1', resolve),
        );
        await new Promise<void>((resolve) => again.close(() => resolve()));
      } finally {
        await new Promise<void>((resolve) => squatter.close(() => resolve()));
      }
    });
  });
});

async function hasIpv6Loopback(): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, '::1', () => server.close(() => resolve(true)));
  });
}
