// Types of scripts/ensure-electron.mjs for its unit test.
export declare const INSTALLER_NODE: readonly [number, number];
export declare function fetchElectron(installScript: string): { ok: true } | { ok: false; cause: string };
export declare function missingElectronMessage(cause: string, script: string | undefined): string;
export declare function installerNodeProblem(version: string): string | null;
