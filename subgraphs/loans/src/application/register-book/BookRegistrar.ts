import { KnownBook } from '../../domain';
import type { OpenStores } from '../CirculationStores';

/** Learns from catalogue's `book-added` which books exist, so holds on unknown books are refused. */
export class BookRegistrar {
  constructor(private readonly open: OpenStores) {}

  register(bookId: string, title: string): Promise<boolean> {
    return this.open().books.add(KnownBook.of(bookId, title));
  }
}
