// The announcer store and its live region: one polite status region, and a sentence said twice is
// rendered as a new node each time so a screen reader hears it twice.
import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Announcer } from '../../../../../renderer/features/shell/announcer';
import { announce, useAnnouncerStore } from '../../../../../renderer/stores/announcer';
import { renderWithTheme } from '../../../../support/render';

describe('announcer', () => {
  beforeEach(() => useAnnouncerStore.setState(useAnnouncerStore.getInitialState(), true));

  it('says the last sentence in one polite, atomic status region', () => {
    renderWithTheme(<Announcer />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.getAttribute('aria-atomic')).toBe('true');
    expect(region.textContent).toBe('');
    act(() => announce('Waiting for the customer to sign in.'));
    expect(region.textContent).toBe('Waiting for the customer to sign in.');
    act(() => announce('Instance created.'));
    expect(region.textContent).toBe('Instance created.');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('renders the same sentence again as a new node, so it is heard again', () => {
    renderWithTheme(<Announcer />);
    act(() => announce('30 seconds left on the grant code.'));
    const first = screen.getByRole('status').firstElementChild;
    act(() => announce('30 seconds left on the grant code.'));
    const second = screen.getByRole('status').firstElementChild;
    expect(second?.textContent).toBe('30 seconds left on the grant code.');
    expect(second).not.toBe(first);
    expect(useAnnouncerStore.getState().count).toBe(2);
  });
});
