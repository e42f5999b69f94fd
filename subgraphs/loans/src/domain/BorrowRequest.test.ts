import { BorrowRequest, BorrowStatus } from './BorrowRequest';

const now = new Date('2026-03-01T10:00:00.000Z');

describe('BorrowRequest (the borrow saga state)', () => {
  it('a refused request is cancelled without asking inventory for anything', () => {
    const request = BorrowRequest.start('b1', 'm1', ['book-1'], now);
    request.cancel('NO_COPY_AVAILABLE', false, now);
    expect(request.status).toBe(BorrowStatus.CANCELLED);
    expect(request.outbox).toHaveLength(0);
  });

  it('a request whose reservation outcome is unknown tells inventory to release, once', () => {
    const request = BorrowRequest.start('b1', 'm1', ['book-1', 'book-2'], now);
    request.cancel('timed out', true, now);
    request.cancel('again', true, now);
    expect(request.outbox).toHaveLength(1);
    expect(request.outbox[0]).toMatchObject({
      type: 'shelfmark.loans.borrow-cancelled.v1',
      subject: 'b1',
      data: { borrowId: 'b1', memberId: 'm1', bookIds: ['book-1', 'book-2'], reason: 'timed out' },
    });
  });

  it('a confirmed request is final: cancelling it changes nothing', () => {
    const request = BorrowRequest.start('b1', 'm1', ['book-1'], now);
    request.reserved([
      { bookId: 'book-1', copyId: 'c1', barcode: 'SM0000000001', holdId: null, loanId: 'l1' },
    ]);
    request.confirmed();
    request.cancel('late', true, now);
    expect(request.status).toBe(BorrowStatus.CONFIRMED);
    expect(request.outbox).toHaveLength(0);
  });

  it('a request recovery already cancelled cannot take the copies inventory answered with', () => {
    const request = BorrowRequest.start('b1', 'm1', ['book-1'], now);
    request.cancel('interrupted', true, now);
    expect(() =>
      request.reserved([
        { bookId: 'book-1', copyId: 'c1', barcode: 'SM0000000001', holdId: null, loanId: 'l1' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) as Error);
    expect(request.status).toBe(BorrowStatus.CANCELLED);
  });

  describe('a checkOut at the desk (copies named by barcode)', () => {
    it('learns its books from the copies inventory reserved', () => {
      const request = BorrowRequest.startCheckOut('b1', 'm1', ['SM0000000001'], now);
      expect(request.bookIds).toEqual([]);
      request.reserved([
        { bookId: 'book-1', copyId: 'c1', barcode: 'SM0000000001', holdId: null, loanId: 'l1' },
      ]);
      expect(request.bookIds).toEqual(['book-1']);
    });

    it('whose reservation outcome is unknown tells inventory to release the copies it named', () => {
      const request = BorrowRequest.startCheckOut('b1', 'm1', ['SM0000000001', 'SM0000000002'], now);
      request.cancel('timed out', true, now);
      expect(request.outbox).toHaveLength(1);
      expect(request.outbox[0]).toMatchObject({
        type: 'shelfmark.loans.checkout-cancelled.v1',
        subject: 'b1',
        data: {
          borrowId: 'b1',
          memberId: 'm1',
          barcodes: ['SM0000000001', 'SM0000000002'],
          reason: 'timed out',
        },
      });
    });
  });
});
