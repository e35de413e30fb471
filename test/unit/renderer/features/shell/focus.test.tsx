// Where focus goes when the page changes: the focus target once it renders, never behind an open
// dialog, the first invalid field, and back to the opener when a dialog is unmounted.
import { useRef, useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  focusFirst,
  invalidFields,
  rescueLostFocus,
  useFocusOnChange,
  useReturnFocusOnUnmount,
} from '../../../../../renderer/features/shell/focus';

function Screen({ name, shown }: { name: string; shown: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusOnChange(ref, name, 'h1');
  return <div ref={ref}>{shown && <h1 tabIndex={-1}>{name}</h1>}</div>;
}

function Dialog() {
  useReturnFocusOnUnmount();
  return (
    <div role="dialog" aria-modal="true">
      <input aria-label="inside" autoFocus />
    </div>
  );
}

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        open
      </button>
      {open && <Dialog />}
      {open && (
        <button type="button" onClick={() => setOpen(false)}>
          close
        </button>
      )}
    </>
  );
}

describe('focus', () => {
  it('skips a heading the browser does not show (the previous screen, hidden while the next one loads)', () => {
    render(
      <main>
        <h1 tabIndex={-1}>Authenticate</h1>
        <h1 tabIndex={-1}>Tenants</h1>
      </main>,
    );
    const [hidden, shown] = screen.getAllByRole('heading', { level: 1 });
    // jsdom has no layout: the browser's own answer is stood in for.
    Object.assign(hidden!, { checkVisibility: () => false });
    Object.assign(shown!, { checkVisibility: () => true });
    expect(focusFirst(document, 'h1')).toBe(true);
    expect(document.activeElement).toBe(shown);
  });

  it('moves focus to the h1 of a new screen, not on the first render, waiting for it to appear', async () => {
    const { rerender } = render(<Screen name="Instances" shown />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Screen name="Tenants" shown={false} />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Screen name="Tenants" shown />);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tenants' })),
    );
  });

  it('never focuses behind an open modal dialog', () => {
    render(
      <>
        <h1 tabIndex={-1}>Behind</h1>
        <div role="dialog" aria-modal="true">
          <h2 tabIndex={-1}>Inside</h2>
        </div>
      </>,
    );
    expect(focusFirst(document, 'h1')).toBe(true);
    expect(document.activeElement).toBe(document.body);
    expect(focusFirst(document, 'h2')).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Inside' }));
    expect(focusFirst(document, 'h3')).toBe(false);
  });

  it('lists the invalid fields in document order', () => {
    render(
      <form>
        <input aria-label="a" />
        <input aria-label="b" aria-invalid="true" />
        <input aria-label="c" aria-invalid="true" />
      </form>,
    );
    expect(invalidFields(document).map((field) => field.getAttribute('aria-label'))).toEqual(['b', 'c']);
  });

  it('gives focus back to the opener when a dialog is unmounted', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'inside' }));
    await user.keyboard('{Tab}');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('after a dialog closed, puts focus lost on the body on the screen’s h1, and leaves it elsewhere', () => {
    render(
      <main>
        <h1 tabIndex={-1}>Tenants</h1>
        <button type="button">Edit</button>
      </main>,
    );
    rescueLostFocus();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tenants' }));
    screen.getByRole('button', { name: 'Edit' }).focus();
    rescueLostFocus();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' }));
  });
});
