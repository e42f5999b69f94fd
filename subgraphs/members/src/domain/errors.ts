import { AlreadyExists, NotAllowed, NotFound, NotSignedIn } from '@shelfmark/errors';

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
