// Builds the app once before the e2e tests (the same `electron-vite build` as `npm run build`),
// so the tests drive exactly the renderer that ships.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
}
