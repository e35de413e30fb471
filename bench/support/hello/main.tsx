// P2's baseline: a bare React 19 page that renders one heading, built by the same vite and React
// plugin as the app (renderer.bench.ts builds it into out/bench-hello).
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<h1>Element Authenticator</h1>);
