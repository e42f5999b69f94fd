import {
  AlreadyExists,
  DomainError,
  NotAllowed,
  NotFound,
  NotSignedIn,
  ServiceUnavailable,
  TooManyRequests,
} from '@shelfmark/errors';

export class EmailTaken extends AlreadyExists {
  constructor() {
    super('An account with this e-mail address already exists. Sign in instead.', { field: 'email' });
  }
}

/**
 * Wrong password and unknown e-mail are one error with one message, so a caller cannot learn
 * which addresses have an account.
 */
export class WrongCredentials extends NotSignedIn {
  constructor() {
    super('The e-mail or password is incorrect.');
  }
}

export class PrivateDetails extends NotAllowed {
  constructor(field: string) {
    super(`Only the member themself or library staff may see a member's ${field}.`, { field });
  }
}

export class MemberNotFound extends NotFound {
  constructor(id: string) {
    super('Member', id);
  }
}

export class CardAlreadyIssued extends AlreadyExists {
  constructor(memberId: string) {
    super(`Member ${JSON.stringify(memberId)} already has a card.`, { memberId });
  }
}

/** A BLOCKED member may not spend points on holds (nor borrow: loans checks the status it is told). */
export class MemberBlocked extends DomainError {
  readonly code = 'MEMBER_BLOCKED' as const;

  constructor(memberId: string) {
    super('Your membership is blocked, so you cannot place holds. Please speak to a librarian.', {
      memberId,
    });
  }
}

export class InsufficientPoints extends DomainError {
  readonly code = 'INSUFFICIENT_POINTS' as const;

  constructor(needed: number, balance: number) {
    super(`A hold costs ${pointsText(needed)}; you have ${balance}.`, { needed, balance });
  }
}

/** Blocking is staff work; the resolver refuses members already, the aggregate makes sure. */
/** The member directory is the desk's: members may not look each other up. */
export class OnlyStaffSearch extends NotAllowed {
  constructor() {
    super('Only library staff may look members up.');
  }
}

export class OnlyStaffBlock extends NotAllowed {
  constructor() {
    super('Only library staff may block or unblock members.');
  }
}

/** A librarian may not lift (or impose) their own block; another member of staff must. */
export class CannotBlockThemself extends NotAllowed {
  constructor() {
    super('Nobody may block or unblock themself; ask another member of staff.');
  }
}

export class OnlyAdminsBlockStaff extends NotAllowed {
  constructor() {
    super('Only an administrator may block or unblock library staff.');
  }
}

function pointsText(points: number): string {
  return points === 1 ? '1 point' : `${points} points`;
}

/**
 * The caller of a synchronous payment stopped waiting at its deadline (and will refund or
 * abandon the hold): paying after that would take points for a hold that does not exist.
 */
export class PaymentTooLate extends ServiceUnavailable {
  constructor(deadline: Date) {
    super(
      `The payment for this hold arrived after its deadline (${deadline.toISOString()}); nothing was spent. Please try again.`,
    );
  }
}

/**
 * Too many failed sign-ins for this e-mail from this address, or from this address at all
 * (docs/adr/0012-sign-in-throttling.md). Says nothing about whether the account exists.
 */
export class TooManyLoginAttempts extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins. Please wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} and try again.`,
      retryAfterSeconds,
    );
  }
}
