import { InvalidInput } from '@shelfmark/errors';
import { aCopy } from '../../test/support/builders';
import { Barcode } from './Barcode';
import { Copy } from './Copy';
import type { CopyStatus } from './CopyStatus';
import { copyLocation } from './Location';

const now = new Date('2026-03-04T05:06:07Z');
const barcode = Barcode.fromRandomBytes(new Uint8Array(10).fill(1));

describe('Copy.add', () => {
  it('puts the copy into circulation as AVAILABLE', () => {
    const copy = Copy.add({ id: 'c1', bookId: 'b1', barcode, location: 'Fiction, shelf 3' }, now);
    expect(copy).toMatchObject({
      id: 'c1',
      bookId: 'b1',
      barcode: 'SM1111111111',
      location: 'Fiction, shelf 3',
      status: 'AVAILABLE',
      addedAt: now,
    });
  });

  it('records copy-added in its own outbox', () => {
    const copy = Copy.add({ id: 'c1', bookId: 'b1', barcode, location: null }, now);
    expect(copy.hasOutbox).toBe(true);
    expect(copy.outbox).toHaveLength(1);
    expect(copy.outbox[0]).toMatchObject({
      type: 'shelfmark.inventory.copy-added.v1',
      subject: 'c1',
      source: 'urn:shelfmark:inventory',
      time: now.toISOString(),
      data: { copyId: 'c1', bookId: 'b1', barcode: 'SM1111111111', location: null, status: 'AVAILABLE' },
    });
  });
});

const later = new Date('2026-03-05T00:00:00Z');
const hold = { holdId: 'h1', memberId: 'm1' };
const nextHold = { holdId: 'h2', memberId: 'm2' };

/** The status changes the copy recorded, in order. */
const moves = (copy: Copy) =>
  copy.outbox
    .filter((e) => e.type === 'shelfmark.inventory.copy-status-changed.v1')
    .map((e) => {
      const { from, to } = e.data as { from: CopyStatus; to: CopyStatus };
      return `${from}>${to}`;
    });

/** A copy waiting on the hold shelf for hold h1 of member m1 (back from loan l0). */
function onHoldShelf(): Copy {
  const copy = aCopy('b1', 'c1');
  copy.lend('l0', 'b0', now);
  copy.shelveAfterReturn('l0', hold, now);
  copy.markPublished(copy.outbox.map((e) => e.id));
  return copy;
}

/** What a test checks of a copy's circulation state. */
const state = (copy: Copy) => ({
  status: copy.status,
  loanId: copy.loanId,
  heldForHoldId: copy.heldForHoldId,
  heldForMemberId: copy.heldForMemberId,
  reservedFor: copy.reservedFor,
  reservedBy: copy.reservedBy,
  reservedFromStatus: copy.reservedFromStatus,
});

const FREE = {
  status: 'AVAILABLE',
  loanId: null,
  heldForHoldId: null,
  heldForMemberId: null,
  reservedFor: null,
  reservedBy: null,
  reservedFromStatus: null,
};

describe('Copy circulation', () => {
  describe('reserve', () => {
    it('takes an AVAILABLE copy off the shelves for the borrow: ON_LOAN, announced', () => {
      const copy = aCopy('b1', 'c1');
      expect(copy.reserve('borrow-1', 'm1', later)).toBe(true);
      expect(state(copy)).toEqual({
        ...FREE,
        status: 'ON_LOAN',
        reservedFor: 'borrow-1',
        reservedBy: 'm1',
        reservedFromStatus: 'AVAILABLE',
      });
      expect(copy.reservationHoldId()).toBeNull();
      expect(copy.outbox).toHaveLength(1);
      expect(copy.outbox[0]).toMatchObject({
        type: 'shelfmark.inventory.copy-status-changed.v1',
        subject: 'c1',
        time: later.toISOString(),
        data: { copyId: 'c1', bookId: 'b1', from: 'AVAILABLE', to: 'ON_LOAN' },
      });
    });

    it('takes a copy off the hold shelf only for the member it waits for, remembering the hold', () => {
      const copy = onHoldShelf();
      expect(copy.canBeReservedBy('m2')).toBe(false);
      expect(copy.reserve('borrow-2', 'm2', later)).toBe(false);
      expect(copy.outbox).toEqual([]);

      expect(copy.reserve('borrow-1', 'm1', later)).toBe(true);
      expect(state(copy)).toMatchObject({
        status: 'ON_LOAN',
        reservedFor: 'borrow-1',
        reservedFromStatus: 'ON_HOLD_SHELF',
        heldForHoldId: 'h1',
      });
      expect(copy.reservationHoldId()).toBe('h1');
      expect(moves(copy)).toEqual(['ON_HOLD_SHELF>ON_LOAN']);
    });

    it('refuses a copy already reserved, even for the same member', () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      expect(copy.reserve('borrow-2', 'm1', later)).toBe(false);
      expect(copy.reserve('borrow-1', 'm1', later)).toBe(false);
      expect(copy.reservedFor).toBe('borrow-1');
      expect(moves(copy)).toEqual(['AVAILABLE>ON_LOAN']);
    });

    it('takes a copy stored before circulation existed (no circulation fields at all) as free', () => {
      const copy = aCopy();
      const legacy = copy as unknown as Record<string, unknown>;
      for (const field of ['loanId', 'heldForHoldId', 'heldForMemberId', 'reservedFor', 'reservedBy']) {
        delete legacy[field];
      }
      expect(copy.reserve('borrow-1', 'm1', later)).toBe(true);
      expect(copy.reservationHoldId()).toBeNull();
      expect(copy.release('borrow-1', later)).toBe(true);
      expect(copy.status).toBe('AVAILABLE');
    });

    it.each(['ON_LOAN', 'LOST', 'WITHDRAWN'] as const)('refuses a copy %s', (status) => {
      const copy = aCopy();
      copy.status = status;
      expect(copy.reserve('borrow-1', 'm1', now)).toBe(false);
      expect(copy.outbox).toEqual([]);
    });
  });

  describe('release', () => {
    it('puts a reserved copy back on the shelves', () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      expect(copy.release('borrow-1', later)).toBe(true);
      expect(state(copy)).toEqual(FREE);
      expect(moves(copy)).toEqual(['AVAILABLE>ON_LOAN', 'ON_LOAN>AVAILABLE']);
    });

    it('puts a copy taken off the hold shelf back there, still held for its hold', () => {
      const copy = onHoldShelf();
      copy.reserve('borrow-1', 'm1', now);
      copy.release('borrow-1', later);
      expect(state(copy)).toEqual({
        ...FREE,
        status: 'ON_HOLD_SHELF',
        heldForHoldId: 'h1',
        heldForMemberId: 'm1',
      });
      expect(moves(copy)).toEqual(['ON_HOLD_SHELF>ON_LOAN', 'ON_LOAN>ON_HOLD_SHELF']);
    });

    it('changes nothing for another borrow, or once released', () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      expect(copy.release('borrow-2', later)).toBe(false);
      expect(copy.reservedFor).toBe('borrow-1');
      copy.release('borrow-1', later);
      expect(copy.release('borrow-1', later)).toBe(false);
      expect(moves(copy)).toEqual(['AVAILABLE>ON_LOAN', 'ON_LOAN>AVAILABLE']);
    });

    it('changes nothing once the copy is lent', () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      copy.lend('loan-1', 'borrow-1', now);
      expect(copy.release('borrow-1', later)).toBe(false);
      expect(state(copy)).toMatchObject({ status: 'ON_LOAN', loanId: 'loan-1' });
    });
  });

  describe('lend', () => {
    it('confirms the reservation of its borrow: ON_LOAN already, so nothing more is announced', () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      expect(copy.lend('loan-1', 'borrow-1', later)).toBe('lent');
      expect(state(copy)).toEqual({ ...FREE, status: 'ON_LOAN', loanId: 'loan-1' });
      expect(copy.loanBorrowId).toBe('borrow-1');
      expect(moves(copy)).toEqual(['AVAILABLE>ON_LOAN']);
    });

    it('clears the hold a copy was reserved from, and remembers it as the hold the loan fulfils', () => {
      const copy = onHoldShelf();
      copy.reserve('borrow-1', 'm1', now);
      copy.lend('loan-1', 'borrow-1', later);
      expect(state(copy)).toEqual({ ...FREE, status: 'ON_LOAN', loanId: 'loan-1' });
      expect(copy.reservationHoldId()).toBe('h1');
    });

    it('is a no-op for the loan it is already out on', () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      copy.lend('loan-1', 'borrow-1', now);
      const version = { ...state(copy), outbox: copy.outbox.length };
      expect(copy.lend('loan-1', 'borrow-1', later)).toBe('already-lent');
      expect({ ...state(copy), outbox: copy.outbox.length }).toEqual(version);
    });

    it.each<[string, (copy: Copy) => void, string[]]>([
      ['an AVAILABLE copy', () => undefined, ['AVAILABLE>ON_LOAN']],
      ['a copy reserved for another borrow', (c) => c.reserve('borrow-2', 'm2', now), ['AVAILABLE>ON_LOAN']],
      ['a copy out on another loan', (c) => c.lend('loan-0', 'borrow-0', now), ['AVAILABLE>ON_LOAN']],
    ])(
      'applies a loan of %s anyway (loans decided it), telling the caller it was unexpected',
      (_, given, expected) => {
        const copy = aCopy();
        given(copy);
        expect(copy.lend('loan-1', 'borrow-1', later)).toBe('unexpected');
        expect(state(copy)).toEqual({ ...FREE, status: 'ON_LOAN', loanId: 'loan-1' });
        expect(moves(copy)).toEqual(expected);
      },
    );

    it('applies a loan of a copy on the hold shelf anyway, clearing its hold', () => {
      const copy = onHoldShelf();
      expect(copy.lend('loan-1', 'borrow-1', later)).toBe('unexpected');
      expect(state(copy)).toEqual({ ...FREE, status: 'ON_LOAN', loanId: 'loan-1' });
      expect(moves(copy)).toEqual(['ON_HOLD_SHELF>ON_LOAN']);
    });
  });

  describe('shelveAfterReturn', () => {
    const lent = () => {
      const copy = aCopy();
      copy.reserve('borrow-1', 'm1', now);
      copy.lend('loan-1', 'borrow-1', now);
      copy.markPublished(copy.outbox.map((e) => e.id));
      return copy;
    };

    it('puts the copy back on the shelves when no hold waits', () => {
      const copy = lent();
      expect(copy.shelveAfterReturn('loan-1', null, later)).toBe(true);
      expect(state(copy)).toEqual(FREE);
      expect(copy.loanBorrowId).toBeNull();
      expect(moves(copy)).toEqual(['ON_LOAN>AVAILABLE']);
    });

    it('puts the copy on the hold shelf for the next hold', () => {
      const copy = lent();
      expect(copy.shelveAfterReturn('loan-1', nextHold, later)).toBe(true);
      expect(state(copy)).toEqual({
        ...FREE,
        status: 'ON_HOLD_SHELF',
        heldForHoldId: 'h2',
        heldForMemberId: 'm2',
      });
      expect(moves(copy)).toEqual(['ON_LOAN>ON_HOLD_SHELF']);
    });

    it('changes nothing for another loan, for a repeated return, or for a copy not on loan', () => {
      const copy = lent();
      expect(copy.shelveAfterReturn('loan-0', null, later)).toBe(false);
      expect(copy.loanId).toBe('loan-1');
      copy.shelveAfterReturn('loan-1', null, later);
      expect(copy.shelveAfterReturn('loan-1', nextHold, later)).toBe(false);
      expect(state(copy)).toEqual(FREE);
      expect(moves(copy)).toEqual(['ON_LOAN>AVAILABLE']);

      const reserved = aCopy();
      reserved.reserve('borrow-1', 'm1', now);
      expect(reserved.shelveAfterReturn('loan-1', null, later)).toBe(false);
      expect(reserved.status).toBe('ON_LOAN');
    });
  });

  describe('passOnFromHold', () => {
    it('moves the copy on to the next hold (no status change to announce)', () => {
      const copy = onHoldShelf();
      expect(copy.passOnFromHold('h1', nextHold, later)).toBe(true);
      expect(state(copy)).toEqual({
        ...FREE,
        status: 'ON_HOLD_SHELF',
        heldForHoldId: 'h2',
        heldForMemberId: 'm2',
      });
      expect(moves(copy)).toEqual([]);
    });

    it('puts the copy back on the shelves when no hold waits', () => {
      const copy = onHoldShelf();
      expect(copy.passOnFromHold('h1', null, later)).toBe(true);
      expect(state(copy)).toEqual(FREE);
      expect(moves(copy)).toEqual(['ON_HOLD_SHELF>AVAILABLE']);
    });

    it('changes nothing for another hold, a repeated event, or a copy held for no one', () => {
      const copy = onHoldShelf();
      expect(copy.passOnFromHold('h9', null, later)).toBe(false);
      copy.passOnFromHold('h1', null, later);
      expect(copy.passOnFromHold('h1', nextHold, later)).toBe(false);
      expect(state(copy)).toEqual(FREE);
      expect(moves(copy)).toEqual(['ON_HOLD_SHELF>AVAILABLE']);
      expect(aCopy().passOnFromHold('h1', null, later)).toBe(false);
    });

    it('while its holder is borrowing it, only changes who it is held for: a release puts it back there', () => {
      const toNext = onHoldShelf();
      toNext.reserve('borrow-1', 'm1', now);
      expect(toNext.passOnFromHold('h1', nextHold, later)).toBe(true);
      expect(state(toNext)).toMatchObject({
        status: 'ON_LOAN',
        reservedFor: 'borrow-1',
        heldForHoldId: 'h2',
      });
      expect(toNext.reservationHoldId()).toBe('h1');
      toNext.release('borrow-1', later);
      expect(state(toNext)).toEqual({
        ...FREE,
        status: 'ON_HOLD_SHELF',
        heldForHoldId: 'h2',
        heldForMemberId: 'm2',
      });

      const toShelves = onHoldShelf();
      toShelves.reserve('borrow-1', 'm1', now);
      toShelves.passOnFromHold('h1', null, later);
      expect(toShelves.status).toBe('ON_LOAN');
      toShelves.release('borrow-1', later);
      expect(state(toShelves)).toEqual(FREE);
      expect(moves(toShelves)).toEqual(['ON_HOLD_SHELF>ON_LOAN', 'ON_LOAN>AVAILABLE']);
    });

    it('while its holder is borrowing it, still lets the loan go through', () => {
      const copy = onHoldShelf();
      copy.reserve('borrow-1', 'm1', now);
      copy.passOnFromHold('h1', nextHold, later);
      expect(copy.lend('loan-1', 'borrow-1', later)).toBe('lent');
      expect(state(copy)).toEqual({ ...FREE, status: 'ON_LOAN', loanId: 'loan-1' });
    });
  });
});

describe('copyLocation', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['   ', null],
    ['  Fiction   A–C ', 'Fiction A–C'],
    ['x'.repeat(100), 'x'.repeat(100)],
  ])('keeps %j as %j', (input, expected) => {
    expect(copyLocation(input)).toBe(expected);
  });

  it('refuses more than 100 characters, naming the field', () => {
    expect(() => copyLocation('x'.repeat(101))).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field: 'location' }) as Error,
    );
  });
});

describe('Copy.withdraw', () => {
  const at = new Date('2026-03-05T10:00:00Z');

  it('takes a copy on the shelves out of circulation, once, and announces it', () => {
    const copy = aCopy('b1', 'c1');
    expect(copy.withdraw(at)).toBe(true);
    expect(copy.withdraw(at)).toBe(false);
    expect(copy.status).toBe('WITHDRAWN');
    expect(copy.outbox.map((event) => event.data)).toEqual([
      expect.objectContaining({ copyId: 'c1', from: 'AVAILABLE', to: 'WITHDRAWN' }),
    ]);
    expect(copy.reserve('borrow-1', 'm1', at)).toBe(false);
  });

  it('refuses a copy that is out, reserved or kept on the hold shelf, as BAD_USER_INPUT', () => {
    const lent = aCopy('b1', 'c1');
    lent.lend('loan-1', 'borrow-1', at);
    expect(() => lent.withdraw(at)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }) as Error);
    expect(() => lent.withdraw(at)).toThrow(/on loan/);

    const reserved = aCopy('b1', 'c2');
    reserved.reserve('borrow-2', 'm1', at);
    expect(() => reserved.withdraw(at)).toThrow(InvalidInput);

    const held = aCopy('b1', 'c3');
    held.lend('loan-3', 'borrow-3', at);
    held.shelveAfterReturn('loan-3', { holdId: 'h1', memberId: 'm2' }, at);
    expect(() => held.withdraw(at)).toThrow(/hold shelf/);
    expect(held.status).toBe('ON_HOLD_SHELF');
  });
});
