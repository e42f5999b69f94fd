import { InvalidInput, NotFound, ServiceUnavailable } from '@shelfmark/errors';
import { aCopy } from '../../../test/support/builders';
import { InMemoryCatalogueBookRepository, InMemoryCopyRepository } from '../../../test/support/fakes';
import { CatalogueBook, NoCopyAvailable, type Copy } from '../../domain';
import { CopyChanger } from '../change-copy/CopyChanger';
import { CopyReserver, MAX_ROUNDS } from './CopyReserver';

const now = new Date('2026-03-04T05:06:07Z');
const deadline = new Date('2026-03-04T05:06:09Z');

function setUp(clock: () => Date = () => now) {
  const copies = new InMemoryCopyRepository();
  const books = new InMemoryCatalogueBookRepository();
  books.books.set('dune', CatalogueBook.of('dune', '9780441172719', 'Dune', now));
  books.books.set('emma', CatalogueBook.of('emma', '9780141439587', 'Emma', now));
  const reserver = new CopyReserver(copies.fresh, books, new CopyChanger(copies.fresh), {
    clock,
    shuffle: (items) => items,
  });
  const add = (bookId: string, id: string) => {
    const copy = aCopy(bookId, id);
    copies.stored.push(copy);
    return copy;
  };
  const stored = (id: string) => copies.stored.find((c) => c.id === id)!;
  return { copies, books, reserver, add, stored };
}

const request = (bookIds: string[], borrowId = 'borrow-1', memberId = 'm1') => ({
  borrowId,
  memberId,
  bookIds,
  deadline,
});

/** Puts the copy on the hold shelf for this member's hold, as a return would. */
function heldFor(copy: Copy, holdId: string, memberId: string) {
  copy.lend('loan-0', 'borrow-0', now);
  copy.shelveAfterReturn('loan-0', { holdId, memberId }, now);
}

describe('CopyReserver', () => {
  it('reserves one free copy of each book for the borrow, each a write of its own', async () => {
    const { reserver, add, stored, copies } = setUp();
    add('dune', 'd1');
    add('emma', 'e1');

    const reservations = await reserver.reserve(request(['dune', 'emma']));

    expect(reservations).toEqual([
      { bookId: 'dune', copyId: 'd1', barcode: stored('d1').barcode, holdId: null },
      { bookId: 'emma', copyId: 'e1', barcode: stored('e1').barcode, holdId: null },
    ]);
    for (const id of ['d1', 'e1']) {
      expect(stored(id)).toMatchObject({ status: 'ON_LOAN', reservedFor: 'borrow-1', reservedBy: 'm1' });
    }
    expect(copies.saves).toBe(2);
  });

  it('looks a book up only when it has no free copy: a copy is only ever added to a known book', async () => {
    const { reserver, add, books } = setUp();
    add('dune', 'd1');
    const lookups = jest.spyOn(books, 'byIds');

    await reserver.reserve(request(['dune']));
    expect(lookups).not.toHaveBeenCalled();

    await expect(reserver.reserve(request(['dune'], 'borrow-2'))).rejects.toMatchObject({
      code: 'NO_COPY_AVAILABLE',
      message: expect.stringContaining('"Dune"') as string,
    });
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('prefers the copy waiting on the hold shelf for the member, and names its hold', async () => {
    const { reserver, add, stored } = setUp();
    add('dune', 'd1');
    heldFor(add('dune', 'd2'), 'h1', 'm1');

    expect(await reserver.reserve(request(['dune']))).toEqual([
      { bookId: 'dune', copyId: 'd2', barcode: stored('d2').barcode, holdId: 'h1' },
    ]);
    expect(stored('d1').status).toBe('AVAILABLE');
  });

  it('never takes a copy held for another member', async () => {
    const { reserver, add, stored } = setUp();
    heldFor(add('dune', 'd1'), 'h1', 'm1');

    await expect(reserver.reserve(request(['dune'], 'borrow-2', 'm2'))).rejects.toBeInstanceOf(
      NoCopyAvailable,
    );
    expect(stored('d1')).toMatchObject({ status: 'ON_HOLD_SHELF', reservedFor: null });
  });

  it('refuses with NO_COPY_AVAILABLE, naming the title, when no copy is free', async () => {
    const { reserver, add } = setUp();
    add('dune', 'd1').reserve('borrow-0', 'm0', now);

    const attempt = reserver.reserve(request(['dune']));
    await expect(attempt).rejects.toBeInstanceOf(NoCopyAvailable);
    await expect(attempt).rejects.toMatchObject({
      code: 'NO_COPY_AVAILABLE',
      message: 'No copy of "Dune" is free to borrow right now. Place a hold to join the queue.',
      details: { bookId: 'dune' },
    });
  });

  it('is all or nothing: a book without a free copy releases what was reserved for the others', async () => {
    const { reserver, add, stored } = setUp();
    add('dune', 'd1');

    await expect(reserver.reserve(request(['dune', 'emma']))).rejects.toMatchObject({
      code: 'NO_COPY_AVAILABLE',
      details: { bookId: 'emma' },
    });
    expect(stored('d1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    expect(stored('d1').outbox.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'AVAILABLE', to: 'ON_LOAN' }),
      expect.objectContaining({ from: 'ON_LOAN', to: 'AVAILABLE' }),
    ]);
  });

  it('does not answer a refusal when it could not release what it reserved: loans must cancel', async () => {
    const { copies, reserver, add, stored } = setUp();
    add('dune', 'd1');
    const save = copies.save.bind(copies);
    // The reservation of d1 is written; giving it back fails.
    jest
      .spyOn(copies, 'save')
      .mockImplementation((copy) =>
        copy.reservedFor === null ? Promise.reject(new Error('disk full')) : save(copy),
      );

    const attempt = reserver.reserve(request(['dune', 'emma']));
    await expect(attempt).rejects.toThrow(/Could not release every copy reserved for borrow borrow-1/);
    await expect(attempt).rejects.not.toBeInstanceOf(NoCopyAvailable);
    expect(stored('d1')).toMatchObject({ status: 'ON_LOAN', reservedFor: 'borrow-1' });
  });

  it('puts a copy taken off the hold shelf back there when the borrow fails', async () => {
    const { reserver, add, stored } = setUp();
    heldFor(add('dune', 'd1'), 'h1', 'm1');

    await expect(reserver.reserve(request(['dune', 'emma']))).rejects.toBeInstanceOf(NoCopyAvailable);
    expect(stored('d1')).toMatchObject({ status: 'ON_HOLD_SHELF', heldForHoldId: 'h1', reservedFor: null });
  });

  it('is idempotent per borrow: asked again, it returns the same copies and reserves nothing more', async () => {
    const { reserver, add, copies } = setUp();
    add('dune', 'd1');
    add('dune', 'd2');
    add('emma', 'e1');
    const first = await reserver.reserve(request(['dune', 'emma']));
    const saves = copies.saves;

    expect(await reserver.reserve(request(['dune', 'emma']))).toEqual(first);
    expect(copies.saves).toBe(saves);
    expect(copies.stored.filter((c) => c.reservedFor === 'borrow-1')).toHaveLength(2);
  });

  it('returns a copy already lent for the borrow again, with the hold the loan fulfils', async () => {
    const { reserver, add, stored } = setUp();
    heldFor(add('dune', 'd1'), 'h1', 'm1');
    add('dune', 'd2');
    await reserver.reserve(request(['dune']));
    stored('d1').lend('loan-1', 'borrow-1', now);

    expect(await reserver.reserve(request(['dune']))).toEqual([
      { bookId: 'dune', copyId: 'd1', barcode: stored('d1').barcode, holdId: 'h1' },
    ]);
    expect(stored('d2').status).toBe('AVAILABLE');
  });

  it('moves on to the next copy when a concurrent borrow wins the first', async () => {
    const { reserver, add, copies, stored } = setUp();
    add('dune', 'd1');
    add('dune', 'd2');
    copies.beforeSave = (copy) => {
      // Another borrow reserves d1 between this one loading it and writing it.
      if (copy.id === 'd1' && stored('d1').reservedFor === null) {
        copies.changeStored('d1', (c) => c.reserve('borrow-0', 'm0', now));
      }
    };

    expect(await reserver.reserve(request(['dune']))).toEqual([
      { bookId: 'dune', copyId: 'd2', barcode: stored('d2').barcode, holdId: null },
    ]);
    expect(stored('d1').reservedFor).toBe('borrow-0');
    expect(stored('d2').reservedFor).toBe('borrow-1');
  });

  it('looks for candidates again when every attempt of a round lost, then gives up', async () => {
    const { reserver, add, copies } = setUp();
    add('dune', 'd1');
    const candidates = jest.spyOn(copies, 'reservableFor');
    // Something else writes the copy every time: this borrow never wins it, yet it stays free.
    copies.beforeSave = (copy) => copies.changeStored(copy.id, () => undefined);

    await expect(reserver.reserve(request(['dune']))).rejects.toBeInstanceOf(NoCopyAvailable);
    expect(candidates).toHaveBeenCalledTimes(MAX_ROUNDS);
  });

  it('does not swallow failures other than a lost race', async () => {
    const { reserver, add, copies } = setUp();
    add('dune', 'd1');
    const failure = new Error('disk full');
    jest.spyOn(copies, 'save').mockRejectedValue(failure);
    await expect(reserver.reserve(request(['dune']))).rejects.toBe(failure);
  });

  it.each<[string, string[]]>([
    ['no books', []],
    ['the same book twice', ['dune', 'emma', 'dune']],
  ])('refuses %s with BAD_USER_INPUT naming bookIds, reserving nothing', async (_, bookIds) => {
    const { reserver, add, copies } = setUp();
    add('dune', 'd1');
    await expect(reserver.reserve(request(bookIds))).rejects.toThrow(
      expect.objectContaining({ constructor: InvalidInput, field: 'bookIds' }) as Error,
    );
    expect(copies.saves).toBe(0);
  });

  it('refuses a book inventory has not heard of with NOT_FOUND before reserving anything', async () => {
    const { reserver, add, copies } = setUp();
    add('dune', 'd1');
    const attempt = reserver.reserve(request(['dune', 'no-such-book']));
    await expect(attempt).rejects.toBeInstanceOf(NotFound);
    await expect(attempt).rejects.toMatchObject({ details: { entity: 'Book', id: 'no-such-book' } });
    expect(copies.saves).toBe(0);
  });

  it('refuses with SERVICE_UNAVAILABLE, reserving nothing, when the deadline has already passed', async () => {
    const { reserver, add, copies } = setUp(() => new Date(deadline.getTime() + 1));
    add('dune', 'd1');
    await expect(reserver.reserve(request(['dune']))).rejects.toBeInstanceOf(ServiceUnavailable);
    expect(copies.saves).toBe(0);
  });

  it('gives back what it reserved when the deadline passed while it worked', async () => {
    let time = now.getTime();
    // Every look at the clock takes a second: the second book is done after the deadline.
    const { reserver, add, stored } = setUp(() => new Date((time += 1000)));
    add('dune', 'd1');
    add('emma', 'e1');

    const attempt = reserver.reserve(request(['dune', 'emma']));
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailable);
    await expect(attempt).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(stored('d1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    expect(stored('e1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
  });

  it('releases a reserved copy even when something changed it meanwhile', async () => {
    const { reserver, add, copies, stored } = setUp();
    heldFor(add('dune', 'd1'), 'h1', 'm1');
    let racing = true;
    copies.beforeSave = (copy) => {
      // The hold expires (passed on to h2) just as the failed borrow gives the copy back.
      if (racing && copy.reservedFor === null) {
        racing = false;
        copies.changeStored('d1', (c) => c.passOnFromHold('h1', { holdId: 'h2', memberId: 'm2' }, now));
      }
    };

    await expect(reserver.reserve(request(['dune', 'emma']))).rejects.toBeInstanceOf(NoCopyAvailable);
    expect(stored('d1')).toMatchObject({
      status: 'ON_HOLD_SHELF',
      reservedFor: null,
      heldForHoldId: 'h2',
      heldForMemberId: 'm2',
    });
  });
});
