// The ports every service takes in its constructor, so services run under plain Node:
// in the app, in the CLI and in tests. Electron-backed implementations live in main/electron.
import type { EventName, EventPayload } from '../../common/contract';

/** The OS keychain, scoped to one service name. Accounts are named by ./tenants/secret-accounts. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an item was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
}

/**
 * Named points inside multi-step changes (keychain, then metadata). A no-op in the app; the tests'
 * kill-point hook (ELEMENT_AUTH_TEST_KILL_AT, read by the CLI only) ends the process at one.
 */
export type Checkpoint = (point: string) => void;

export interface Clock {
  now(): number;
}

/** Opens a URL in the system browser; implementations refuse anything but https and loopback http. */
export type OpenUrl = (url: string) => Promise<void>;

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
  /** A secret handed in (a typed client secret, a grant code): no later line may show it. */
  hide(secret: string): void;
}

export interface Clipboard {
  writeText(text: string): void;
}

export interface Dialogs {
  /** Asks where to save a file; null when the user cancels. */
  chooseSavePath(options: { title: string; defaultName: string }): Promise<string | null>;
  /** Asks for a JSON file to open; null when the user cancels. */
  chooseOpenPath(options: { title: string }): Promise<string | null>;
}

export const noCheckpoint: Checkpoint = () => {};

export const systemClock: Clock = { now: () => Date.now() };

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  hide: () => {},
};
