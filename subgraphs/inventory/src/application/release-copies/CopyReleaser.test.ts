import { aCopy } from '../../../test/support/builders';
import { InMemoryCopyRepository } from '../../../test/support/fakes';
import { CopyChanger } from '../change-copy/CopyChanger';
import { CopyReleaser } from './CopyReleaser';

const now = new Date('2026-03-04T05:06:07Z');

function setUp() {
  const copies = new InMemoryCopyRepository();
  const releaser = new CopyReleaser(copies.fresh, new CopyChanger(copies.fresh), () => now);
  const add = (bookId: string, id: string, reservedFor?: string) => {
    const copy = aCopy(bookId, id);
    if (reservedFor) copy.reserve(reservedFor, 'm1', now);
    copies.stored.push(copy);
  };
  const stored = (id: string) => copies.stored.find((c) => c.id === id)!;
  return { copies, releaser, add, stored };
}

describe('CopyReleaser', () => {
  it('releases the copies of the cancelled books reserved for the borrow, and no others', async () => {
    const { releaser, add, stored } = setUp();
    add('dune', 'd1', 'borrow-1');
    add('emma', 'e1', 'borrow-1');
    add('dune', 'd2', 'borrow-2');
    add('ubik', 'u1', 'borrow-1');

    const released = await releaser.release({
      borrowId: 'borrow-1',
      asked: { bookIds: ['dune', 'emma'] },
      causedBy: 'evt-1',
    });

    expect(released.sort()).toEqual(['d1', 'e1']);
    expect(stored('d1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    expect(stored('d1').hasHandled('evt-1')).toBe(true);
    expect(stored('d2')).toMatchObject({ status: 'ON_LOAN', reservedFor: 'borrow-2' });
    expect(stored('u1')).toMatchObject({ status: 'ON_LOAN', reservedFor: 'borrow-1' });
  });

  it('changes nothing when delivered again, and leaves a copy already lent alone', async () => {
    const { releaser, add, stored, copies } = setUp();
    add('dune', 'd1', 'borrow-1');
    add('emma', 'e1', 'borrow-1');
    stored('e1').lend('loan-1', 'borrow-1', now);
    const cancel = { borrowId: 'borrow-1', asked: { bookIds: ['dune', 'emma'] }, causedBy: 'evt-1' };

    expect(await releaser.release(cancel)).toEqual(['d1']);
    const saves = copies.saves;
    expect(await releaser.release(cancel)).toEqual([]);
    expect(copies.saves).toBe(saves);
    expect(stored('e1')).toMatchObject({ status: 'ON_LOAN', loanId: 'loan-1' });
  });

  it('releases the copies of a cancelled checkOut by the barcodes it named, as typed', async () => {
    const { releaser, add, stored } = setUp();
    add('dune', 'd1', 'checkout-1');
    add('dune', 'd2', 'checkout-1');
    add('emma', 'e1', 'checkout-2');

    const released = await releaser.release({
      borrowId: 'checkout-1',
      asked: { barcodes: [stored('d1').barcode.toLowerCase(), stored('e1').barcode] },
      causedBy: 'evt-1',
    });

    expect(released).toEqual(['d1']);
    expect(stored('d1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    expect(stored('d2')).toMatchObject({ status: 'ON_LOAN', reservedFor: 'checkout-1' });
    expect(stored('e1')).toMatchObject({ status: 'ON_LOAN', reservedFor: 'checkout-2' });
  });
});
