// Build configuration: the main process (and the element-auth CLI), the sandboxed preload
// and the React renderer, each bundled by electron-vite into out/.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './main/electron/csp';

/** CSP hash sources of the page's inline scripts (in dev, the React-refresh preamble). */
const inlineScriptHashes = (html: string) =>
  [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter(([, body]) => body!.trim())
    .map(([, body]) => `sha256-${createHash('sha256').update(body!).digest('base64')}`);

/** Writes the one CSP into index.html's meta tag; the dev server's page gets the dev policy, its inline scripts by hash. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  transformIndexHtml: {
    order: 'post',
    handler: (html, { server }) => {
      const devUrl = server?.resolvedUrls?.local[0];
      const policy = devUrl
        ? devContentSecurityPolicy(devUrl, inlineScriptHashes(html))
        : CONTENT_SECURITY_POLICY;
      return html.replace('%CONTENT_SECURITY_POLICY%', policy);
    },
  },
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The CLI starts fast: its pure-JS dependencies are bundled (no module resolution in node_modules
      // at start); axios and the proxy tunnel are chunks loaded by the first platform call.
      externalizeDeps: { exclude: ['zod', 'axios', 'https-proxy-agent', 'proper-lockfile'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          'code-cache': resolve(__dirname, 'main/cli/code-cache.ts'),
        },
        // A dynamic import of a package (keytar) becomes require(): the CLI's code cache compiles its
        // files with vm.Script, where import() needs an experimental loader.
        output: {
          // Pure ASCII without doc comments (licences kept): Node reads each file into a one-byte string
          // rather than a two-byte one, and the code cache hashes less; `tenant list` starts 7 ms sooner.
          charset: 'ascii',
          comments: { legal: true, annotation: false, jsdoc: false },
          dynamicImportInCjs: false,
          // Every command needs the services, so they, the commands, the contract and zod are one chunk:
          // each file costs a start its own read, hash and cache lookup. Left apart: the entries (the
          // CLI's runs its main when loaded, and the app's main loads the chunk too), the code cache, which
          // loads first, and the proxy tunnel, loaded only behind a proxy.
          codeSplitting: {
            groups: [
              {
                name: 'app',
                test: (id: string) =>
                  /[\\/](common|main[\\/](services|cli)|node_modules[\\/]zod)[\\/]/.test(id) &&
                  !/[\\/]cli[\\/](index|code-cache|node-tunnel)\.ts$/.test(id),
              },
            ],
          },
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can only require 'electron': everything else is bundled in.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; it ships minified, and the manifest
      // names each chunk's imports (the bench reads what the first screen needs from it).
      minify: true,
      manifest: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          codeSplitting: {
            groups: [
              // What the first screen runs: React on its own, so Chromium parses it beside the rest.
              {
                name: 'react',
                test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
                tags: ['$initial'],
                priority: 3,
              },
              // The rest of what the first screen runs, claimed before the next group can take it.
              { name: 'frame', tags: ['$initial'], priority: 2 },
              // The libraries only later screens and parts use: one chunk, not dozens of small ones.
              { name: 'later-libs', test: /[\\/]node_modules[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
