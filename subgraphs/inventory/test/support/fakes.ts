import {
  BarcodeTaken,
  type CatalogueBook,
  type CatalogueBookRepository,
  type Copy,
  type CopyRepository,
  type StatusCount,
} from '../../src/domain';

/** Copies in memory, with the unique barcode index and all-or-nothing writes of the real one. */
export class InMemoryCopyRepository implements CopyRepository {
  readonly stored: Copy[] = [];
  /** How many times `addAll` was called, successful or not. */
  writes = 0;

  addAll(copies: readonly Copy[]): Promise<void> {
    this.writes += 1;
    const taken = new Set(this.stored.map((c) => c.barcode));
    if (copies.some((c) => taken.has(c.barcode))) return Promise.reject(new BarcodeTaken());
    this.stored.push(...copies);
    return Promise.resolve();
  }

  byIds(ids: readonly string[]): Promise<Copy[]> {
    return Promise.resolve(this.stored.filter((c) => ids.includes(c.id)));
  }

  byBarcode(barcode: string): Promise<Copy | null> {
    return Promise.resolve(this.stored.find((c) => c.barcode === barcode) ?? null);
  }

  byBookIds(bookIds: readonly string[]): Promise<Copy[]> {
    return Promise.resolve(
      this.stored
        .filter((c) => bookIds.includes(c.bookId))
        .sort((a, b) => a.barcode.localeCompare(b.barcode)),
    );
  }

  statusCounts(bookIds: readonly string[]): Promise<StatusCount[]> {
    const counts = new Map<string, StatusCount>();
    for (const { bookId, status } of this.stored.filter((c) => bookIds.includes(c.bookId))) {
      const key = `${bookId}/${status}`;
      counts.set(key, { bookId, status, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    return Promise.resolve([...counts.values()]);
  }
}

export class InMemoryCatalogueBookRepository implements CatalogueBookRepository {
  readonly books = new Map<string, CatalogueBook>();

  exists(bookId: string): Promise<boolean> {
    return Promise.resolve(this.books.has(bookId));
  }

  addIfAbsent(book: CatalogueBook): Promise<boolean> {
    if (this.books.has(book.bookId)) return Promise.resolve(false);
    this.books.set(book.bookId, book);
    return Promise.resolve(true);
  }
}
