/** A reader the worker may mail, as members announced them (`member-registered`). */
export class Recipient {
  constructor(
    readonly memberId: string,
    readonly email: string,
    readonly name: string,
  ) {}
}

/** A book's title, as catalogue announced it (`book-added`). */
export class BookTitle {
  constructor(
    readonly bookId: string,
    readonly title: string,
  ) {}
}

/** What the worker learnt from events: it never reads another context's data. */
export interface Directory {
  /** Keeps the first version heard; a redelivered event changes nothing. */
  learnRecipient(recipient: Recipient): Promise<void>;
  learnTitle(book: BookTitle): Promise<void>;
  recipient(memberId: string): Promise<Recipient | null>;
  title(bookId: string): Promise<string | null>;
}
