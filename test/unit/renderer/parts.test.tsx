// Parts fetched when first needed (renderer/parts.tsx): the fallback only while the chunk is on its
// way, then the part; at once, with no fallback frame, once the chunk is there; a failed fetch keeps
// the fallback and is tried again by the next part that needs it.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyPart } from '../../../renderer/parts';

/** A chunk whose arrival the test decides. */
function chunk() {
  let arrive!: () => void;
  let fail!: (error: Error) => void;
  let fetches = 0;
  const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;
  const load = () => {
    fetches += 1;
    return new Promise<typeof Greeting>((resolve, reject) => {
      arrive = () => resolve(Greeting);
      fail = reject;
    });
  };
  return {
    load,
    arrive: () => act(async () => arrive()),
    fail: () => act(async () => fail(new Error('chunk missing'))),
    fetches: () => fetches,
  };
}

describe('lazyPart', () => {
  it('shows its fallback until the chunk is there, then the part with its props', async () => {
    const greeting = chunk();
    const Part = lazyPart(greeting.load);
    render(<Part name="Acme" fallback={<p>waiting</p>} />);
    expect(screen.getByText('waiting')).toBeTruthy();

    await greeting.arrive();

    expect(screen.getByText('Hello Acme')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('once fetched, renders at once (no fallback frame) and fetches nothing again', async () => {
    const greeting = chunk();
    const Part = lazyPart(greeting.load);
    const first = render(<Part name="Acme" fallback={<p>waiting</p>} />);
    await greeting.arrive();
    first.unmount();

    const seen: string[] = [];
    const Spy = () => {
      seen.push(document.body.textContent ?? '');
      return null;
    };
    render(
      <>
        <Part name="Globex" fallback={<p>waiting</p>} />
        <Spy />
      </>,
    );
    expect(screen.getByText('Hello Globex')).toBeTruthy();
    expect(seen.join()).not.toContain('waiting');
    expect(greeting.fetches()).toBe(1);
  });

  it('keeps the fallback when the fetch fails, and the next part to mount tries again', async () => {
    const greeting = chunk();
    const Part = lazyPart(greeting.load);
    const first = render(<Part name="Acme" fallback={<p>waiting</p>} />);
    await greeting.fail();
    expect(screen.getByText('waiting')).toBeTruthy();
    first.unmount();

    render(<Part name="Acme" fallback={<p>waiting</p>} />);
    expect(greeting.fetches()).toBe(2);
    await greeting.arrive();
    expect(screen.getByText('Hello Acme')).toBeTruthy();
  });
});
