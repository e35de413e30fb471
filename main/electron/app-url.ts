// Which URLs are the app itself: exactly app://renderer/index.html (the built renderer), or the dev server's
// origin in development. The navigation guard and the IPC sender check both use it; no electron import, so it is unit tested.
import { parseUrl } from '../../common/urls';
import { RENDERER_URL } from './app-protocol';

/** A predicate that is true only for the app's own page (any query or fragment), never for a look-alike. */
export function createAppUrlCheck(devUrl: string | undefined): (url: string) => boolean {
  const dev = devUrl ? parseUrl(devUrl) : null;
  if (devUrl && (!dev || dev.origin === 'null')) throw new Error(`Not a usable dev server URL: ${devUrl}`);
  const page = new URL(RENDERER_URL);
  return (value) => {
    const url = typeof value === 'string' ? parseUrl(value) : null;
    if (!url || url.username || url.password) return false;
    if (dev) return url.origin === dev.origin;
    return url.protocol === page.protocol && url.host === page.host && url.pathname === page.pathname;
  };
}
