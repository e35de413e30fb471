// scripts/security-gate.mjs on small Electron apps: it passes a hardened one, fails on a risky setting,
// accepts an inline eng-disable only with a reason and a real check name, and needs no network.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const GATE = resolve(__dirname, '../../../scripts/security-gate.mjs');

const HTML = `<!doctype html>
<html>
  <!-- prettier-ignore -->
  <head>
    <meta http-equiv="Content-Security-Policy" content="%CONTENT_SECURITY_POLICY%" /> <!-- eng-disable CSP_GLOBAL_CHECK --> <!-- script-src self is only the packaged bundle -->
  </head>
  <body><script type="module" src="./main.js"></script></body>
</html>
`;

/** A hardened main process; `webPreferences` lines can be swapped to make it risky. */
function mainSource(webPreferences: string[]): string {
  return `import { app, BrowserWindow, session } from 'electron';

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    webPreferences: {
${webPreferences.map((line) => `      ${line}`).join('\n')}
    },
  });
  void window.loadFile('index.html');
});
`;
}

const HARDENED = [
  'contextIsolation: true,',
  'sandbox: true,',
  'nodeIntegration: false,',
  "disableBlinkFeatures: 'Auxclick',",
];

const roots: string[] = [];
function app(webPreferences: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'element-auth-gate-'));
  roots.push(root);
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.5.0' } }),
    'main/electron/csp.ts': `export const CONTENT_SECURITY_POLICY = ["default-src 'none'", "script-src 'self'"].join('; ');\n`,
    'main/index.ts': mainSource(webPreferences),
    'preload/index.ts':
      "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('api', {});\n",
    'renderer/index.html': HTML,
    'renderer/main.js': "document.title = 'fixture';\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Loaded into the gate's process: any attempt to reach the network is reported and fails. */
const NO_NETWORK = `const net = require('node:net');
const dns = require('node:dns');
const refuse = (what) => function () {
  process.stderr.write('NETWORK ATTEMPT: ' + what + '\\n');
  throw new Error('The security gate may not use the network.');
};
net.Socket.prototype.connect = refuse('connect');
dns.lookup = refuse('dns.lookup');
`;

function gate(root: string) {
  const noNetwork = join(root, 'no-network.cjs');
  writeFileSync(noNetwork, NO_NETWORK);
  const result = spawnSync(process.execPath, ['--require', noNetwork, GATE, root], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('security gate', { timeout: 60_000 }, () => {
  it('passes a hardened app without touching the network', () => {
    const { status, output } = gate(app(HARDENED));
    expect(output).toContain('found nothing open');
    expect(output).not.toContain('NETWORK ATTEMPT');
    expect(status).toBe(0);
  });

  it('fails on risky window settings and names each finding with its file and line', () => {
    const risky = [
      'contextIsolation: false,',
      'sandbox: false,',
      'webSecurity: false,',
      'allowRunningInsecureContent: true,',
    ];
    const { status, output } = gate(app([...risky, "disableBlinkFeatures: 'Auxclick',"]));
    expect(status).toBe(1);
    expect(output).toMatch(/CONTEXT_ISOLATION_JS_CHECK at main\/index\.ts:12 /);
    expect(output).toMatch(/SANDBOX_JS_CHECK at main\/index\.ts:13 /);
    expect(output).toMatch(/WEB_SECURITY_JS_CHECK at main\/index\.ts:14 /);
    expect(output).toMatch(/INSECURE_CONTENT_JS_CHECK at main\/index\.ts:15 /);
  });

  it('accepts a finding annotated inline with eng-disable and a reason', () => {
    const annotated = HARDENED.map((line) =>
      line.startsWith('sandbox')
        ? 'sandbox: false, /* eng-disable SANDBOX_JS_CHECK */ // a fixture that needs no sandbox'
        : line,
    );
    const { status, output } = gate(app(annotated));
    expect(output).toContain('found nothing open');
    expect(status).toBe(0);
  });

  it('accepts the reason as a comment on the line above, the shape Prettier keeps', () => {
    const annotated = HARDENED.flatMap((line) =>
      line.startsWith('sandbox')
        ? ['// A fixture that needs no sandbox at all.', '/* eng-disable SANDBOX_JS_CHECK */ sandbox: false,']
        : [line],
    );
    const { status, output } = gate(app(annotated));
    expect(output).toContain('found nothing open');
    expect(status).toBe(0);
  });

  it('refuses an eng-disable without a reason', () => {
    const bare = HARDENED.map((line) =>
      line.startsWith('sandbox') ? 'sandbox: false, /* eng-disable SANDBOX_JS_CHECK */' : line,
    );
    const { status, output } = gate(app(bare));
    expect(status).toBe(1);
    expect(output).toMatch(/main\/index\.ts:\d+: eng-disable needs a one-line reason/);
  });

  it('refuses an eng-disable that names no real check, and the finding it meant stays open', () => {
    const misspelt = HARDENED.map((line) =>
      line.startsWith('sandbox')
        ? 'sandbox: false, /* eng-disable SANDBOX_CHECK */ // a fixture that needs no sandbox'
        : line,
    );
    const { status, output } = gate(app(misspelt));
    expect(status).toBe(1);
    expect(output).toMatch(/eng-disable names an unknown check "SANDBOX_CHECK"/);
    expect(output).toMatch(/SANDBOX_JS_CHECK at main\/index\.ts:\d+/);
  });
});
