import { Hold, HoldStatus, Loan, LoanStatus } from '../../src/domain';

/** A loan as the circulation use cases would have stored it; override what the test is about. */
export function aLoan(loan: Partial<Loan> & Pick<Loan, 'id'>): Loan {
  const borrowedAt = loan.borrowedAt ?? new Date('2026-03-01T10:00:00.000Z');
  return Object.assign(new Loan(), {
    memberId: 'member-1',
    copyId: `copy-of-${loan.id}`,
    bookId: 'book-1',
    borrowedAt,
    dueAt: new Date(borrowedAt.getTime() + 14 * 24 * 3600 * 1000),
    returnedAt: null,
    renewals: 0,
    status: LoanStatus.ACTIVE,
    ...loan,
  });
}

/** A hold as the circulation use cases would have stored it; override what the test is about. */
export function aHold(hold: Partial<Hold> & Pick<Hold, 'id'>): Hold {
  return Object.assign(new Hold(), {
    memberId: 'member-1',
    bookId: 'book-1',
    position: 1,
    status: HoldStatus.WAITING,
    placedAt: new Date('2026-03-01T10:00:00.000Z'),
    readyUntil: null,
    pointsSpent: 10,
    ...hold,
  });
}
