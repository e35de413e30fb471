// Startup that fails says so: an error box with the cause, the single-instance lock released so the next
// launch is not swallowed, and a non-zero exit. Never a windowless process left holding the lock.
import { app, dialog } from 'electron';

export const STARTUP_FAILED_TITLE = 'Element Authenticator could not start';

/** The error box text: the cause (no stack) and the next step. */
export function startupFailureMessage(error: unknown): string {
  const cause = error instanceof Error ? error.message : String(error);
  return (
    `${cause}\n\nNothing was changed. Start the app again; if this keeps happening, ` +
    'send this message and the log file (see README, "Logs") to the developers.'
  );
}

export function failStartup(error: unknown): void {
  const message = startupFailureMessage(error);
  console.error(`${STARTUP_FAILED_TITLE}: ${message}`);
  try {
    dialog.showErrorBox(STARTUP_FAILED_TITLE, message);
  } finally {
    app.releaseSingleInstanceLock();
    app.exit(1);
  }
}

/** Runs start once Electron is ready; any throw or rejection in it ends the app through failStartup. */
export function startWhenReady(start: () => void | Promise<void>): Promise<void> {
  return app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(error));
}
