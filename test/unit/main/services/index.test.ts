// Push events are held to the contract like invoke results: unnamed fields are stripped before they
// leave main, and a payload that does not match its schema is never sent.
import { describe, expect, it } from 'vitest';
import { contractEvents } from '../../../../main/services/index';
import type { EventSink } from '../../../../main/services/ports';

function recorder() {
  const sent: [string, unknown][] = [];
  const sink: EventSink = { emit: (event, payload) => void sent.push([event, payload]) };
  return { sink, sent };
}

describe('contract events', () => {
  it('strips fields the contract does not name from a payload', () => {
    const { sink, sent } = recorder();
    const notice = { level: 'warning', message: 'Refused a callback.', token: 'instance-token-leak' };
    contractEvents(sink).emit('app.notice', notice as never);
    expect(sent).toEqual([['app.notice', { level: 'warning', message: 'Refused a callback.' }]]);
  });

  it('never sends a payload that does not match its schema', () => {
    const { sink, sent } = recorder();
    expect(() =>
      contractEvents(sink).emit('flow.changed', { step: 'leaking', token: 'x' } as never),
    ).toThrow();
    expect(sent).toEqual([]);
  });
});
