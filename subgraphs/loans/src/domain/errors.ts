import { AlreadyExists, DomainError, InvalidInput, NotAllowed, NotFound } from '@shelfmark/errors';

/**
 * Who a refusal speaks to: the member borrowing for themself (borrowBooks), or staff lending to a
 * member at the desk (checkOut), who needs to hear about the member, not about themself.
 */
export type Asker = 'MEMBER' | 'STAFF';

export class LoanLimitReached extends DomainError {
  readonly code = 'LOAN_LIMIT_REACHED' as const;

  constructor(limit: number, current: number, asked: number, asker: Asker = 'MEMBER') {
    super(
      asker === 'STAFF'
        ? current === 0
          ? `A member can borrow at most ${limit} books at a time; ${asked} were scanned.`
          : `This member has ${current} of ${limit} loans out; lending ${asked} more would go over the limit.`
        : current === 0
          ? `You can borrow at most ${limit} books at a time; you asked for ${asked}.`
          : `You have ${current} of ${limit} loans out; borrowing ${asked} more would go over the limit. Return a book first.`,
      { limit, current, asked },
    );
  }
}

export class MemberBlocked extends DomainError {
  readonly code = 'MEMBER_BLOCKED' as const;
}

export class RenewalLimitReached extends DomainError {
  readonly code = 'RENEWAL_LIMIT_REACHED' as const;

  constructor(limit: number) {
    super(`This loan has been renewed ${limit} times, the most allowed. Please return the book.`, { limit });
  }
}

export class HoldQueueNotEmpty extends DomainError {
  readonly code = 'HOLD_QUEUE_NOT_EMPTY' as const;

  constructor(waiting: number) {
    super(
      `${waiting === 1 ? 'Another member is' : `${waiting} other members are`} waiting for this book, so the loan cannot be renewed. Please return it by its due date.`,
      { waiting },
    );
  }
}

export class UnknownBook extends NotFound {
  constructor(bookId: string) {
    super('Book', bookId);
  }
}

/** No member loans knows has this card (loans learns card numbers from `member-card-issued`). */
export class UnknownCard extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(cardNumber: string) {
    super(`No member has the card ${cardNumber}. Check the number, or look the member up by name.`, {
      entity: 'MemberCard',
      id: cardNumber,
      cardNumber,
      field: 'cardNumber',
    });
  }
}

/** checkIn of a copy no loan has out: never lent, already checked in, or a barcode no copy has. */
export class NoLoanOfCopy extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(barcode: string) {
    super(`Copy ${barcode} is not out on loan, so there is nothing to check in.`, {
      entity: 'Loan',
      id: barcode,
      barcode,
      field: 'barcode',
    });
  }
}

/** checkOut and checkIn are the desk's: staff only. */
export class DeskStaffOnly extends NotAllowed {
  constructor() {
    super('Only librarians may check copies out and in at the desk.');
  }
}

export class UnknownLoan extends NotFound {
  constructor(loanId: string) {
    super('Loan', loanId);
  }
}

export class UnknownHold extends NotFound {
  constructor(holdId: string) {
    super('Hold', holdId);
  }
}

export class NotYourLoan extends NotAllowed {
  constructor() {
    super('This loan is not yours: only the borrower or a librarian may return or renew it.');
  }
}

export class NotYourHold extends NotAllowed {
  constructor() {
    super('This hold is not yours: only the member who placed it or a librarian may cancel it.');
  }
}

export class LoanAlreadyReturned extends InvalidInput {
  constructor() {
    super('loanId', 'This loan was already returned.');
  }
}

export class OverdueLoanNotRenewable extends InvalidInput {
  constructor() {
    super('loanId', 'This loan is overdue and cannot be renewed. Please return the book.');
  }
}

export class HoldNotActive extends InvalidInput {
  constructor(status: string) {
    super(
      'holdId',
      `This hold is already ${status.toLowerCase()}; only a waiting or ready hold can be cancelled.`,
    );
  }
}

export class AlreadyHolding extends AlreadyExists {
  constructor(bookId: string) {
    super('You already have a hold on this book.', { bookId });
  }
}

export class AlreadyBorrowing extends InvalidInput {
  constructor() {
    super('bookId', 'You have this book on loan already; there is nothing to hold.');
  }
}
