import { aCopy } from '../../../test/support/builders';
import { InMemoryCopyRepository } from '../../../test/support/fakes';
import type { Copy } from '../../domain';
import { CopyChanger } from '../change-copy/CopyChanger';
import { NamedCopyReserver } from './NamedCopyReserver';

const now = new Date('2026-03-04T05:06:07Z');
const deadline = new Date('2026-03-04T05:06:09Z');

function setUp(clock: () => Date = () => now) {
  const copies = new InMemoryCopyRepository();
  const reserver = new NamedCopyReserver(copies.fresh, new CopyChanger(copies.fresh, clock), { clock });
  const add = (bookId: string, id: string) => {
    const copy = aCopy(bookId, id);
    copies.stored.push(copy);
    return copy;
  };
  const stored = (id: string) => copies.stored.find((c) => c.id === id)!;
  const barcodeOf = (id: string) => stored(id).barcode;
  return { copies, reserver, add, stored, barcodeOf };
}

const request = (barcodes: string[], borrowId = 'checkout-1', memberId = 'm1') => ({
  borrowId,
  memberId,
  barcodes,
  deadline,
});

/** Puts the copy on the hold shelf for this member's hold, as a return would. */
function heldFor(copy: Copy, holdId: string, memberId: string) {
  copy.lend('loan-0', 'borrow-0', now);
  copy.shelveAfterReturn('loan-0', { holdId, memberId }, now);
}

describe('NamedCopyReserver (the copies a librarian scans for checkOut)', () => {
  it('reserves exactly the copies named, for the member named, in the order scanned', async () => {
    const { reserver, add, stored, barcodeOf } = setUp();
    add('dune', 'd1');
    add('dune', 'd2');
    add('emma', 'e1');

    const reservations = await reserver.reserve(request([barcodeOf('e1'), barcodeOf('d2')]));

    expect(reservations).toEqual([
      { bookId: 'emma', copyId: 'e1', barcode: barcodeOf('e1'), holdId: null },
      { bookId: 'dune', copyId: 'd2', barcode: barcodeOf('d2'), holdId: null },
    ]);
    expect(stored('d2')).toMatchObject({ status: 'ON_LOAN', reservedFor: 'checkout-1', reservedBy: 'm1' });
    expect(stored('d1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
  });

  it('reads barcodes as scanned or typed: lower case, hyphens, look-alike letters', async () => {
    const { reserver, add, barcodeOf } = setUp();
    add('dune', 'd1');
    const typed = `${barcodeOf('d1').slice(0, 6).toLowerCase()}-${barcodeOf('d1').slice(6).replace(/0/g, 'O')}`;

    expect(await reserver.reserve(request([typed]))).toMatchObject([{ copyId: 'd1' }]);
  });

  it('lends a copy on the hold shelf to the member it waits for, naming the hold it fulfils', async () => {
    const { reserver, add, barcodeOf } = setUp();
    heldFor(add('dune', 'd1'), 'h1', 'm1');

    expect(await reserver.reserve(request([barcodeOf('d1')]))).toMatchObject([
      { copyId: 'd1', holdId: 'h1' },
    ]);
  });

  it.each([
    [
      'kept on the hold shelf for another member',
      (copy: Copy) => heldFor(copy, 'h1', 'm2'),
      'HELD_FOR_ANOTHER',
      /waits on the hold shelf for another member/,
    ],
    ['on loan', (copy: Copy) => copy.lend('loan-0', 'borrow-0', now), 'ON_LOAN', /is out on loan/],
    [
      'reserved by a borrow in flight',
      (copy: Copy) => copy.reserve('borrow-0', 'm0', now),
      'ON_LOAN',
      /is out on loan/,
    ],
    ['withdrawn', (copy: Copy) => copy.withdraw(now), 'OUT_OF_CIRCULATION', /no longer in circulation/],
  ])('refuses a copy %s with NO_COPY_AVAILABLE, reserving nothing', async (_case, make, reason, message) => {
    const { reserver, add, stored, barcodeOf, copies } = setUp();
    add('emma', 'e1');
    make(add('dune', 'd1'));
    const saves = copies.saves;

    const attempt = reserver.reserve(request([barcodeOf('e1'), barcodeOf('d1')]));
    await expect(attempt).rejects.toMatchObject({
      code: 'NO_COPY_AVAILABLE',
      message: expect.stringMatching(message) as string,
      details: { barcode: barcodeOf('d1'), bookId: 'dune', reason, field: 'barcodes' },
    });
    expect(copies.saves).toBe(saves);
    expect(stored('e1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
  });

  it('refuses an unknown barcode as NOT_FOUND, and a copy scanned twice as BAD_USER_INPUT', async () => {
    const { reserver, add, barcodeOf } = setUp();
    add('dune', 'd1');

    await expect(reserver.reserve(request([barcodeOf('d1'), 'SM0000000ZZZ']))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { entity: 'Copy', barcode: 'SM0000000ZZZ', field: 'barcodes' },
    });
    await expect(
      reserver.reserve(request([barcodeOf('d1'), barcodeOf('d1').toLowerCase()])),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'barcodes' } });
    await expect(reserver.reserve(request([]))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'barcodes' },
    });
  });

  it('refuses a free copy of a book while another copy of it waits on the hold shelf for the member', async () => {
    const { reserver, add, stored, barcodeOf } = setUp();
    heldFor(add('dune', 'd1'), 'h1', 'm1');
    add('dune', 'd2');

    await expect(reserver.reserve(request([barcodeOf('d2')]))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(barcodeOf('d1')) as string,
      details: { field: 'barcodes' },
    });
    expect(stored('d2').reservedFor).toBeNull();
    // Both copies together: the kept one fulfils the hold, nothing is stranded.
    expect(await reserver.reserve(request([barcodeOf('d2'), barcodeOf('d1')]))).toMatchObject([
      { copyId: 'd2', holdId: null },
      { copyId: 'd1', holdId: 'h1' },
    ]);
  });

  it('is all or nothing when a copy is taken between the check and its write', async () => {
    const { reserver, add, copies, stored, barcodeOf } = setUp();
    add('emma', 'e1');
    add('dune', 'd1');
    copies.beforeSave = (copy) => {
      // Another checkOut lends d1 between this one checking it and writing it.
      if (copy.id === 'd1' && stored('d1').reservedFor === null) {
        copies.changeStored('d1', (c) => c.reserve('checkout-0', 'm0', now));
      }
    };

    await expect(reserver.reserve(request([barcodeOf('e1'), barcodeOf('d1')]))).rejects.toMatchObject({
      code: 'NO_COPY_AVAILABLE',
      details: { barcode: barcodeOf('d1') },
    });
    expect(stored('e1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    expect(stored('d1').reservedFor).toBe('checkout-0');
  });

  it('is idempotent per request: asked again, it answers the same copies and writes nothing', async () => {
    const { reserver, add, copies, barcodeOf } = setUp();
    add('dune', 'd1');
    add('emma', 'e1');
    const barcodes = [barcodeOf('d1'), barcodeOf('e1')];
    const first = await reserver.reserve(request(barcodes));
    const saves = copies.saves;

    expect(await reserver.reserve(request(barcodes))).toEqual(first);
    expect(copies.saves).toBe(saves);
  });

  it('gives back what it reserved when the caller stopped waiting (past the deadline)', async () => {
    let time = now;
    const { reserver, add, stored, barcodeOf, copies } = setUp(() => time);
    add('dune', 'd1');
    const save = copies.save.bind(copies);
    jest.spyOn(copies, 'save').mockImplementation(async (copy) => {
      await save(copy);
      time = new Date(deadline.getTime() + 1);
    });

    await expect(reserver.reserve(request([barcodeOf('d1')]))).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(stored('d1')).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
  });
});
