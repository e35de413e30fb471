// Which URLs are the app itself: exactly the built renderer's index.html, or the dev server's origin in
// development. The navigation guard and the IPC sender check both use it; no electron import, so it is unit tested.
import { pathToFileURL } from 'node:url';
import { parseUrl } from '../../common/urls';

export interface AppLocation {
  /** The electron-vite dev server URL, or undefined when the built renderer file is loaded. */
  devUrl: string | undefined;
  /** Absolute path of the built renderer's index.html. */
  rendererFile: string;
}

const decodedPath = (url: URL) => {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
};

/** A predicate that is true only for the app's own page (any query or fragment), never for a look-alike. */
export function createAppUrlCheck({ devUrl, rendererFile }: AppLocation): (url: string) => boolean {
  const dev = devUrl ? parseUrl(devUrl) : null;
  if (devUrl && (!dev || dev.origin === 'null')) throw new Error(`Not a usable dev server URL: ${devUrl}`);
  const filePath = decodedPath(pathToFileURL(rendererFile));
  return (value) => {
    const url = typeof value === 'string' ? parseUrl(value) : null;
    if (!url || url.username || url.password) return false;
    if (dev) return url.origin === dev.origin;
    return url.protocol === 'file:' && url.host === '' && decodedPath(url) === filePath;
  };
}
