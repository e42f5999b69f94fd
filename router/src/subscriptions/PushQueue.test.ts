import { PushQueue } from './PushQueue';

/** A queue and what happened to it. */
function queue(capacity: number, congested = () => false) {
  const seen = { overflows: 0, ends: 0 };
  const q = new PushQueue<number>(
    capacity,
    () => (seen.overflows += 1),
    congested,
    () => (seen.ends += 1),
  );
  return { q, seen };
}

describe('the bounded stream of one subscriber', () => {
  it('hands payloads over in order to a reader', async () => {
    const { q } = queue(3);
    expect(q.push(1)).toBe(true);
    expect(q.push(2)).toBe(true);
    expect(await q.next()).toEqual({ value: 1, done: false });
    const waiting = q.next();
    expect(await waiting).toEqual({ value: 2, done: false });
    const pending = q.next();
    q.push(3);
    expect(await pending).toEqual({ value: 3, done: false });
    expect(q.backlog).toBe(0);
  });

  it('drops a reader that leaves more than its capacity unread, and frees what it held', async () => {
    const { q, seen } = queue(2);
    q.push(1);
    q.push(2);
    expect(q.backlog).toBe(2);
    expect(q.push(3)).toBe(false);
    expect(seen).toEqual({ overflows: 1, ends: 1 });
    expect(q.backlog).toBe(0);
    expect(await q.next()).toEqual({ value: undefined, done: true });
    // Ended for good: later pushes are refused without another overflow.
    expect(q.push(4)).toBe(false);
    expect(seen).toEqual({ overflows: 1, ends: 1 });
  });

  it('drops a reader whose transport is congested, even with an empty queue', () => {
    let unsent = 0;
    const { q, seen } = queue(100, () => unsent > 10);
    expect(q.push(1)).toBe(true);
    unsent = 11;
    expect(q.push(2)).toBe(false);
    expect(seen.overflows).toBe(1);
  });

  it('ends once, without an overflow, when the reader leaves', async () => {
    const { q, seen } = queue(2);
    const pending = q.next();
    await q.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    await q.return();
    expect(seen).toEqual({ overflows: 0, ends: 1 });
  });
});
