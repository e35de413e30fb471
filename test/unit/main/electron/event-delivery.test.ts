// Push events wait in main until the page listens: a notice raised while the window loads (a link that started
// the app) arrives once the page subscribes, in order, and a reload makes events wait again.
import { EventDelivery, PENDING_PER_EVENT } from '../../../../main/electron/event-delivery';
import type { EventName } from '../../../../common/contract';

function recorder(windowUp = () => true) {
  const sent: [EventName, unknown][] = [];
  const delivery = new EventDelivery((event, payload) => {
    if (!windowUp()) return false;
    sent.push([event, payload]);
    return true;
  });
  return { sent, delivery };
}

const notice = (message: string) => ({ level: 'warning', message });

describe('EventDelivery', () => {
  it('holds a notice raised before the page listens and delivers it when it does', () => {
    const { sent, delivery } = recorder();
    delivery.emit('app.notice', notice('That sign-in link does not match a sign-in in progress.'));
    expect(sent).toEqual([]);
    delivery.listen('app.notice');
    expect(sent).toEqual([['app.notice', notice('That sign-in link does not match a sign-in in progress.')]]);
    delivery.emit('app.notice', notice('second'));
    expect(sent.at(-1)).toEqual(['app.notice', notice('second')]);
  });

  it('delivers each event only to its own subscription, in the order raised', () => {
    const { sent, delivery } = recorder();
    delivery.emit('flow.changed', 1);
    delivery.emit('app.notice', 'a');
    delivery.emit('flow.changed', 2);
    delivery.listen('flow.changed');
    expect(sent).toEqual([
      ['flow.changed', 1],
      ['flow.changed', 2],
    ]);
    delivery.listen('app.notice');
    expect(sent.at(-1)).toEqual(['app.notice', 'a']);
  });

  it('keeps what could not be sent (no window yet) until it can', () => {
    let up = false;
    const { sent, delivery } = recorder(() => up);
    delivery.listen('app.notice');
    delivery.emit('app.notice', 'early');
    expect(sent).toEqual([]);
    up = true;
    delivery.listen('app.notice');
    expect(sent).toEqual([['app.notice', 'early']]);
  });

  it('makes events wait again while a new page loads', () => {
    const { sent, delivery } = recorder();
    delivery.listen('app.notice');
    delivery.reset();
    delivery.emit('app.notice', 'during reload');
    expect(sent).toEqual([]);
    delivery.listen('app.notice');
    expect(sent).toEqual([['app.notice', 'during reload']]);
  });

  it(`keeps at most ${PENDING_PER_EVENT} waiting events of one name, the newest`, () => {
    const { sent, delivery } = recorder();
    for (let i = 0; i < PENDING_PER_EVENT + 5; i += 1) delivery.emit('flow.changed', i);
    delivery.emit('app.notice', 'kept');
    delivery.listen('flow.changed');
    delivery.listen('app.notice');
    expect(sent.map(([, payload]) => payload)).toEqual([
      ...Array.from({ length: PENDING_PER_EVENT }, (_, i) => i + 5),
      'kept',
    ]);
  });
});
