// Stand-in Electron distributions for packing with electron-builder where no Electron can be downloaded: a
// project staged with the real `electron-vite build`, and Linux and macOS "binaries" that carry Electron 45's fuse wire.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** @electron/fuses finds the fuse wire after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's defaults: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off. */
const FUSE_WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);

function write(path: string, content: string | Buffer, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, mode ? { mode } : undefined);
}

/** A project folder with this repository's config, build resources, the real build output and some sources. */
export function stageProject(project: string): void {
  mkdirSync(project, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    cpSync(join(ROOT, file), join(project, file));
  cpSync(join(ROOT, 'build'), join(project, 'build'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--outDir', join(project, 'out')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  // Sources that must never be packed.
  for (const path of ['main/index.ts', 'test/unit/a.test.ts', 'renderer/app.tsx'])
    write(join(project, path), 'export {};\n');
}

/** A Linux electronDist: the `electron` executable with the fuse wire. */
export function standInLinuxElectron(dist: string): void {
  write(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), FUSE_WIRE]), 0o755);
}

const plist = (executable: string, id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>CFBundleExecutable</key><string>${executable}</string>
<key>CFBundleIdentifier</key><string>${id}</string>
<key>CFBundleName</key><string>${executable}</string>
<key>CFBundlePackageType</key><string>APPL</string>
<key>CFBundleVersion</key><string>45.0.0</string>
</dict></plist>
`;

/** A macOS electronDist: Electron.app with its helpers, and the fuse wire in Electron Framework. */
export function standInMacElectron(dist: string): void {
  const contents = join(dist, 'Electron.app', 'Contents');
  write(join(contents, 'Info.plist'), plist('Electron', 'com.github.Electron'));
  write(join(contents, 'MacOS', 'Electron'), '#!/bin/sh\n', 0o755);
  mkdirSync(join(contents, 'Resources'), { recursive: true });
  for (const suffix of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
    const helper = join(contents, 'Frameworks', `Electron Helper${suffix}.app`, 'Contents');
    write(join(helper, 'Info.plist'), plist(`Electron Helper${suffix}`, 'com.github.Electron.helper'));
    write(join(helper, 'MacOS', `Electron Helper${suffix}`), '#!/bin/sh\n', 0o755);
  }
  write(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), FUSE_WIRE);
}
