// The renderer's Content-Security-Policy: script only from the app itself, no eval, no remote origin;
// and the renderer as electron-vite builds it (`npm run build`, into a temp folder) carries exactly that policy.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../../../main/electron/csp';

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

describe('the built renderer', () => {
  let outDir: string;
  let html: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'element-auth-csp-'));
    // electron-vite's own resolution of electron.vite.config.ts (its renderer presets included), built elsewhere.
    const resolved = await resolveConfig({ logLevel: 'silent' }, 'build', 'production');
    const renderer = resolved.config?.renderer as InlineConfig;
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
