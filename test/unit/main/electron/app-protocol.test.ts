// app://renderer/: the handler serves the built renderer's files with their types and the CSP, and nothing
// outside that folder (traversal, encoded or not, another host, another method).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRendererHandler, rendererFileFor, RENDERER_URL } from '../../../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../main/electron/csp';

let work: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'element-auth-app-protocol-'));
  root = join(work, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(work, 'secret.txt'), 'outside');
  handle = createRendererHandler(root);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('rendererFileFor', () => {
  it('maps app://renderer/ paths into the renderer folder', () => {
    expect(rendererFileFor(root, RENDERER_URL)).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://renderer/')).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://renderer/assets/index-abc.js?v=1')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it('keeps dot segments inside the folder, as the URL parser resolves them', () => {
    expect(rendererFileFor(root, 'app://renderer/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/index.html%00.js',
    'app://renderer/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(root, url)).toBeNull();
  });
});

describe('createRendererHandler', () => {
  it('serves index.html as HTML with the production CSP', async () => {
    const response = await handle(new Request(RENDERER_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves scripts and styles with types a module script and a stylesheet accept', async () => {
    const script = await handle(new Request('app://renderer/assets/index-abc.js'));
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const style = await handle(new Request('app://renderer/assets/index-abc.css'));
    expect(style.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file or a path outside the folder, 405 for a write', async () => {
    expect((await handle(new Request('app://renderer/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://renderer/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://renderer/assets'))).status).toBe(404);
    expect((await handle(new Request(RENDERER_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
