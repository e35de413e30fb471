// What the main area shows while a screen's chunk is on its way: nothing at first, and a quiet
// loader only if the wait grows past 400 ms (screen-fallback.css), so a fast load never flashes.
import { Center, Loader } from '@mantine/core';
import './screen-fallback.css';

export function ScreenFallback() {
  return (
    <Center py={64} className="ea-screen-fallback" aria-busy="true">
      <Loader size="sm" />
    </Center>
  );
}
