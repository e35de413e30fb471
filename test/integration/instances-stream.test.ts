// GET /instances read as a stream, against a real HTTP server on 127.0.0.1 that misbehaves on purpose:
// every instance in order whatever the chunking, and each way the list can break is one sentence —
// and an export it breaks leaves no file behind.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformClient } from '../../main/services/cloud-elements/platform-client';
import { exportHead, writeExportDocument } from '../../main/services/instances/export-document';
import { failureOf } from '../support/failure-of';

type Script = (res: ServerResponse) => void | Promise<void>;

let server: Server;
let baseUrl: string;
let script: Script;
let folder: string;

const instance = (id: number) => ({ id, name: `Zoho ${id}`, token: `token-${id}`, tags: ['a'] });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'element-auth-stream-'));
  server = createServer((req, res) => void script(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/elements/api-v2`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

const client = (options: { timeoutMs?: number; maxResponseBytes?: number } = {}) =>
  new PlatformClient(
    { baseUrl, orgSecret: 'org-secret-fake', userSecret: 'user-secret-fake' },
    { getRetries: 0, ...options },
  );

async function all(items: AsyncIterable<{ id: number }>): Promise<number[]> {
  const ids: number[] = [];
  for await (const item of items) ids.push(item.id);
  return ids;
}

/** Sends `text` in pieces of `size` characters, flushing each. */
async function trickle(res: ServerResponse, text: string, size: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  for (let at = 0; at < text.length; at += size) {
    res.write(text.slice(at, at + size));
    await pause(0);
  }
  res.end();
}

describe('the instance list as a stream', () => {
  it('gives every instance, in order, whatever the chunks', async () => {
    const list = Array.from({ length: 300 }, (_, index) => instance(index + 1));
    script = (res) => trickle(res, JSON.stringify(list), 997);
    expect(await all(await client().streamInstances())).toEqual(list.map((one) => one.id));
  });

  it('says the list broke off when the connection drops part way', async () => {
    script = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`[${JSON.stringify(instance(1))},${JSON.stringify(instance(2)).slice(0, 10)}`);
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const failure = await failureOf(all(await client().streamInstances()));
    expect(failure.code).toBe('platform_unreachable');
    expect(failure.message).toMatch(
      /^The list of instances from the platform at 127\.0\.0\.1:\d+ broke off part way \(request [\w-]+\)\. Try again in a moment\.$/,
    );
  });

  it('ends a list that stops arriving, after the longest pause allowed', async () => {
    script = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`[${JSON.stringify(instance(1))},`);
    };
    const failure = await failureOf(all(await client({ timeoutMs: 400 }).streamInstances()));
    expect(failure.code).toBe('timeout');
    expect(failure.message).toMatch(
      /stopped for less than a second \(request [\w-]+\)\. Try again in a moment\.$/,
    );
  });

  it('stops at an instance over the size limit', async () => {
    const big = { ...instance(2), blob: 'x'.repeat(20_000) };
    script = (res) => trickle(res, JSON.stringify([instance(1), big, instance(3)]), 4096);
    const failure = await failureOf(all(await client({ maxResponseBytes: 10_240 }).streamInstances()));
    expect(failure.code).toBe('platform_server_error');
    expect(failure.message).toMatch(
      /sent an instance larger than 10 KB, so the app stopped reading the list/,
    );
  });

  it('refuses an answer that is not a list, or an instance of another shape, naming the field', async () => {
    script = (res) => trickle(res, '{"instances": "not here"}', 8);
    const notList = await failureOf(all(await client().streamInstances()));
    expect(notList.code).toBe('platform_bad_answer');
    expect(notList.message).toMatch(/sent the list of instances in a shape the app does not understand/);

    script = (res) => trickle(res, JSON.stringify([instance(1), instance(2), { id: 3 }]), 16);
    const shape = await failureOf(all(await client().streamInstances()));
    expect(shape.code).toBe('platform_bad_answer');
    expect(shape.message).toContain('(the field "2.name" is missing or not what the platform API defines)');
  });

  it("quotes the platform's own words on a refusal, as for any other call", async () => {
    script = (res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Database is resting', requestId: 'req-77' }));
    };
    const failure = await failureOf(client().streamInstances());
    expect(failure.code).toBe('platform_server_error');
    expect(failure.message).toContain('The platform said: “Database is resting”');
    expect(failure.details?.requestId).toBe('req-77');

    script = (res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":"bad secrets"}');
    };
    expect((await failureOf(client().streamInstances())).code).toBe('platform_unauthorized');
  });

  it('leaves no file (and no temp file) when the list breaks during an export', async () => {
    script = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(
        `[${Array.from({ length: 50 }, (_, index) => JSON.stringify(instance(index + 1))).join(',')},`,
      );
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const head = exportHead({
      tenant: { name: 'Acme', environment: 'custom', baseUrl },
      exportedAt: new Date(0),
      includeSecrets: false,
    });
    const stream = { head, instances: await client().streamInstances(), count: 0 };
    const failure = await failureOf(writeExportDocument(path.join(folder, 'acme.json'), stream));
    expect(failure.code).toBe('platform_unreachable');
    expect(await readdir(folder)).toEqual([]);
  });
});
