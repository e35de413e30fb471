// How a part whose code is fetched when first needed (parts.tsx) behaves like one that was always there.
import { useEffect, useState } from 'react';

/**
 * False until `needed` is first true, then true for good: the part mounts when first needed and stays,
 * so its closing transition and focus return run as they would for a part mounted from the start.
 */
export function useNeededOnce(needed: boolean): boolean {
  const [once, setOnce] = useState(needed);
  if (needed && !once) setOnce(true);
  return once || needed;
}

/**
 * `opened`, but false on the first render: a dialog whose chunk has just arrived mounts closed and then
 * opens, because Mantine remembers the element to give focus back to only when `opened` changes.
 */
export function useOpenedAfterMount(opened: boolean): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return opened && mounted;
}
