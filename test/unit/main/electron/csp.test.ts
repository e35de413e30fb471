// The renderer's Content-Security-Policy: script only from the app itself, no eval, no remote origin;
// the renderer as electron-vite builds it (`npm run build`, into a temp folder) carries exactly that policy;
// the dev server's page (`npm run dev`) gets the dev policy, which lets its own inline preamble run by hash.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../../../main/electron/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and runs script only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('has no unsafe-eval, no wasm-unsafe-eval and no inline script anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no remote origin, scheme wildcard or plain http', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(`${name} ${source}`).toMatch(/^[a-z-]+ ('self'|'none'|'unsafe-inline'|data:)$/);
      }
    }
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('devContentSecurityPolicy', () => {
  it('adds only the dev server’s origin, its HMR socket and inline script, to script-src and connect-src', () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173/'));
    const production = directives(CONTENT_SECURITY_POLICY);
    expect(dev.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    for (const [name, sources] of production) {
      if (name !== 'script-src' && name !== 'connect-src') expect(dev.get(name)).toEqual(sources);
    }
    expect(devContentSecurityPolicy('https://127.0.0.1:5174')).toContain('wss://127.0.0.1:5174');
  });

  it('names inline scripts by hash instead of unsafe-inline when their hashes are known', () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173', ['sha256-abc=']));
    expect(dev.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'sha256-abc='"]);
    const none = directives(devContentSecurityPolicy('http://localhost:5173', []));
    expect(none.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
    expect(devContentSecurityPolicy('http://localhost:5173')).not.toMatch(/unsafe-eval/);
  });

  it('refuses a URL that is no dev server', () => {
    expect(() => devContentSecurityPolicy('file:///tmp/index.html')).toThrow(/dev server/);
  });
});

/** The renderer config exactly as electron-vite resolves electron.vite.config.ts. */
async function rendererConfig(command: 'build' | 'serve'): Promise<InlineConfig> {
  const mode = command === 'build' ? 'production' : 'development';
  const resolved = await resolveConfig({ logLevel: 'silent' }, command, mode);
  return resolved.config?.renderer as InlineConfig;
}

describe('the dev server’s page (npm run dev)', () => {
  let server: ViteDevServer;
  let html: string;
  let origin: string;

  beforeAll(async () => {
    const renderer = await rendererConfig('serve');
    server = await createServer({
      ...renderer,
      configFile: false,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await server.listen();
    origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    html = await (await fetch(`${origin}/`)).text();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  // The preamble comes before the meta tag, so main's header is what must let it run ('unsafe-inline', dev only);
  // the meta tag then holds every later inline script to these hashes.
  it('carries the dev policy, and every inline script on the page is allowed by its hash, nothing else inline', () => {
    const [meta] = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    const policy = directives(meta![1]!);
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map(([, body]) => body!)
      .filter((body) => body.trim());
    const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    expect(inline.some((body) => body.includes('injectIntoGlobalHook'))).toBe(true);
    expect(policy.get('script-src')).toEqual(["'self'", origin, ...hashes]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('connect-src')).toEqual(["'self'", origin, origin.replace('http:', 'ws:')]);
  });
});

describe('the built renderer', () => {
  let outDir: string;
  let html: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'element-auth-csp-'));
    // electron-vite's own resolution of electron.vite.config.ts (its renderer presets included), built elsewhere.
    const renderer = await rendererConfig('build');
    await build({ ...renderer, configFile: false, logLevel: 'silent', build: { ...renderer.build, outDir } });
    html = readFileSync(join(outDir, 'index.html'), 'utf8');
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('carries the policy in index.html, exactly', () => {
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    expect(metas.map((match) => match[1])).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('loads its scripts from its own files only, with no inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
  });
});
