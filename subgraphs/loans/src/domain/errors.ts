import { AlreadyExists, DomainError, InvalidInput, NotAllowed, NotFound } from '@shelfmark/errors';

export class LoanLimitReached extends DomainError {
  readonly code = 'LOAN_LIMIT_REACHED' as const;

  constructor(limit: number, current: number, asked: number) {
    super(
      current === 0
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
