import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
await build({
  root: resolve('renderer'), logLevel: 'silent', plugins: [react(), {
    name: 'sizes', generateBundle(_o, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const groups: Record<string, number> = {};
        for (const [id, m] of Object.entries(chunk.modules)) {
          const tail = id.split('node_modules/')[1];
          const key = tail ? (tail.startsWith('@mantine/core') ? tail.split('/').slice(0, 5).join('/') : tail.split('/').slice(0, tail.startsWith('@') ? 2 : 1).join('/')) : id.replace(process.cwd(), '').split('/').slice(0, 4).join('/');
          groups[key] = (groups[key] ?? 0) + m.renderedLength;
        }
        console.log(chunk.fileName, chunk.code.length);
        for (const [k, v] of Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) console.log('  ', k, v);
      }
    }}],
  build: { outDir: '/tmp/i16b/analyze', emptyOutDir: true, minify: true },
});
