import { DEFAULT_RULES } from './CirculationRules';
import { Hold, HoldStatus } from './Hold';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const days = (n: number) => new Date(t0.getTime() + n * 24 * 3600 * 1000);
const begun = () => Hold.begin({ id: 'h1', memberId: 'm1', bookId: 'book-1' }, DEFAULT_RULES, t0);
const placed = () => {
  const hold = begun();
  hold.confirm(t0);
  return hold;
};
const types = (hold: Hold) => hold.outbox.map((event) => event.type);

describe('Hold', () => {
  it('is invisible until its points are paid, then joins the queue with hold-placed', () => {
    const hold = begun();
    expect(hold).toMatchObject({ confirmed: false, status: HoldStatus.WAITING, pointsSpent: 10 });
    expect(hold.isWaiting()).toBe(false);
    expect(hold.outbox).toHaveLength(0);
    hold.confirm(t0);
    hold.confirm(t0);
    expect(hold.isWaiting()).toBe(true);
    expect(types(hold)).toEqual(['shelfmark.loans.hold-placed.v1']);
    expect(hold.activeKey).toBe('m1:book-1');
  });

  it('an interrupted placement is abandoned once, asking members to refund', () => {
    const hold = begun();
    expect(hold.abandon(t0)).toBe(true);
    expect(hold.abandon(t0)).toBe(false);
    expect(hold).toMatchObject({ status: HoldStatus.CANCELLED, activeKey: 'ended:h1' });
    expect(hold.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.loans.hold-abandoned.v1',
      data: { holdId: 'h1', points: 10 },
    });
    expect(placed().abandon(t0)).toBe(false);
  });

  it('a placement members refused is discarded without an event: nothing was taken', () => {
    const hold = begun();
    hold.discard();
    expect(hold).toMatchObject({ status: HoldStatus.CANCELLED, activeKey: 'ended:h1' });
    expect(hold.outbox).toHaveLength(0);
  });

  it('cancelled while waiting: refund, no copy to pass on', () => {
    const hold = placed();
    hold.cancel(null, days(1));
    expect(hold).toMatchObject({ status: HoldStatus.CANCELLED, activeKey: 'ended:h1' });
    expect(hold.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.loans.hold-cancelled.v1',
      data: { pointsRefunded: 10, copy: null },
    });
  });

  it('cancelled while ready: its copy goes to the next hold', () => {
    const hold = placed();
    hold.makeReady('c1', DEFAULT_RULES, days(1));
    hold.cancel({ holdId: 'h2', memberId: 'm2' }, days(2));
    expect(hold.outbox.at(-1)?.data).toMatchObject({
      copy: { copyId: 'c1', nextHold: { holdId: 'h2', memberId: 'm2' } },
    });
  });

  it.each([HoldStatus.FULFILLED, HoldStatus.CANCELLED, HoldStatus.EXPIRED])(
    'a %s hold cannot be cancelled (BAD_USER_INPUT)',
    (status) => {
      const hold = placed();
      hold.status = status;
      expect(() => hold.cancel(null, days(1))).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT' }) as Error,
      );
    },
  );

  it('ready: a pickup window of the configured days, once per copy', () => {
    const hold = placed();
    expect(hold.makeReady('c1', DEFAULT_RULES, days(1))).toBe(true);
    expect(hold.makeReady('c1', DEFAULT_RULES, days(1))).toBe(false);
    expect(hold).toMatchObject({ status: HoldStatus.READY, copyId: 'c1', readyUntil: days(4) });
    expect(hold.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.loans.hold-ready.v1',
      data: { copyId: 'c1', readyUntil: days(4).toISOString() },
    });
  });

  it('expires only after the pickup window, refunding and passing the copy on', () => {
    const hold = placed();
    hold.makeReady('c1', DEFAULT_RULES, days(1));
    expect(hold.expire(null, days(3))).toBe(false);
    expect(hold.expire({ holdId: 'h2', memberId: 'm2' }, days(4))).toBe(true);
    expect(hold.expire(null, days(5))).toBe(false);
    expect(hold.status).toBe(HoldStatus.EXPIRED);
    expect(hold.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.loans.hold-expired.v1',
      data: { pointsRefunded: 10, copyId: 'c1', nextHold: { holdId: 'h2' } },
    });
    expect(placed().expire(null, days(30))).toBe(false);
  });

  it('is fulfilled once when the member borrows the book', () => {
    const hold = placed();
    expect(hold.fulfil('l1', days(1))).toBe(true);
    expect(hold.fulfil('l1', days(1))).toBe(false);
    expect(hold).toMatchObject({ status: HoldStatus.FULFILLED, activeKey: 'ended:h1' });
    expect(() => hold.cancel(null, days(2))).toThrow(/already fulfilled/);
  });
});
