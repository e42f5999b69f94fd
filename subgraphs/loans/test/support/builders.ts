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
    borrowId: null,
    holdId: null,
    remindedForDueAt: null,
    ...loan,
  });
}

/** A hold as the circulation use cases would have stored it; override what the test is about. */
export function aHold(hold: Partial<Hold> & Pick<Hold, 'id'>): Hold {
  const built = Object.assign(new Hold(), {
    memberId: 'member-1',
    bookId: 'book-1',
    status: HoldStatus.WAITING,
    placedAt: new Date('2026-03-01T10:00:00.000Z'),
    readyUntil: null,
    copyId: null,
    pointsSpent: 10,
    confirmed: true,
    ...hold,
  });
  const inPlay = built.status === HoldStatus.WAITING || built.status === HoldStatus.READY;
  built.activeKey = inPlay ? `${built.memberId}:${built.bookId}` : `ended:${built.id}`;
  return built;
}
