// The app's one polite live region: screen readers hear what the announcer store last said (step
// changes, the consent wait, the code's countdown, success and errors) without moving focus.
import { VisuallyHidden } from '@mantine/core';
import { useAnnouncerStore } from '../../stores/announcer';

export function Announcer() {
  const message = useAnnouncerStore((state) => state.message);
  const count = useAnnouncerStore((state) => state.count);
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      <span key={count}>{message}</span>
    </VisuallyHidden>
  );
}
