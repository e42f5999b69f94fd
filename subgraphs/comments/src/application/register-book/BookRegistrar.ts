import { KnownBook, type KnownBookRepository } from '../../domain';

/** Learns that a book exists (from book-added). Redelivered events change nothing. */
export class BookRegistrar {
  /** `books` opens the repository on a fresh unit of work: one per registration. */
  constructor(private readonly books: () => KnownBookRepository) {}

  register(bookId: string, addedAt: Date): Promise<boolean> {
    return this.books().addIfAbsent(KnownBook.register(bookId, addedAt));
  }
}
