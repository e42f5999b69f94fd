import {
  BarcodeTaken,
  Copy,
  CopyChangedMeanwhile,
  CopyStatus,
  type CatalogueBook,
  type CatalogueBookRepository,
  type CopyCandidate,
  type CopyRepository,
  type FreshCopies,
  type StatusCount,
} from '../../src/domain';

/** A detached copy of a stored copy, as a new unit of work would load it. */
function loaded(copy: Copy): Copy {
  return Object.assign(Object.create(Copy.prototype) as Copy, copy, {
    outbox: [...copy.outbox],
    handledEvents: [...copy.handledEvents],
  });
}

/**
 * Copies in memory, with the unique barcode index and all-or-nothing writes of the real one.
 * Circulation reads (`byId`, `byBorrow`) hand out detached copies, as a fresh
 * unit of work would, and `save` checks the optimistic `version` as the database does.
 */
export class InMemoryCopyRepository implements CopyRepository {
  readonly stored: Copy[] = [];
  /** How many times `addAll` was called, successful or not. */
  writes = 0;
  /** How many times `save` was called, successful or not. */
  saves = 0;
  /** Runs before each `save` checks the version: lets a test change the stored copy meanwhile. */
  beforeSave: (copy: Copy) => void = () => undefined;

  /** Every call a fresh unit of work: here, the same repository, since every read is detached. */
  readonly fresh: FreshCopies = () => this;

  addAll(copies: readonly Copy[]): Promise<void> {
    this.writes += 1;
    const taken = new Set(this.stored.map((c) => c.barcode));
    if (copies.some((c) => taken.has(c.barcode))) return Promise.reject(new BarcodeTaken());
    this.stored.push(...copies);
    return Promise.resolve();
  }

  save(copy: Copy): Promise<void> {
    this.saves += 1;
    this.beforeSave(copy);
    const index = this.stored.findIndex((c) => c.id === copy.id);
    const current = this.stored[index];
    if (!current || current.version !== copy.version) return Promise.reject(new CopyChangedMeanwhile());
    copy.version += 1;
    this.stored[index] = loaded(copy);
    return Promise.resolve();
  }

  /** The stored copy, changed behind the back of whoever loaded it (a concurrent writer). */
  changeStored(id: string, change: (copy: Copy) => void): void {
    const copy = this.stored.find((c) => c.id === id);
    if (!copy) throw new Error(`No copy ${id}`);
    change(copy);
    copy.version += 1;
  }

  byId(id: string): Promise<Copy | null> {
    const copy = this.stored.find((c) => c.id === id);
    return Promise.resolve(copy ? loaded(copy) : null);
  }

  byIds(ids: readonly string[]): Promise<Copy[]> {
    return Promise.resolve(this.stored.filter((c) => ids.includes(c.id)));
  }

  byBarcode(barcode: string): Promise<Copy | null> {
    return Promise.resolve(this.stored.find((c) => c.barcode === barcode) ?? null);
  }

  byBarcodes(barcodes: readonly string[]): Promise<Copy[]> {
    return Promise.resolve(this.stored.filter((c) => barcodes.includes(c.barcode)).map(loaded));
  }

  heldFor(memberId: string, bookIds: readonly string[]): Promise<Copy[]> {
    return Promise.resolve(
      this.stored
        .filter(
          (c) =>
            c.heldForMemberId === memberId &&
            c.status === CopyStatus.ON_HOLD_SHELF &&
            bookIds.includes(c.bookId),
        )
        .map(loaded),
    );
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

  byBorrow(borrowId: string): Promise<Copy[]> {
    return Promise.resolve(
      this.stored.filter((c) => c.reservedFor === borrowId || c.loanBorrowId === borrowId).map(loaded),
    );
  }

  reservableFor(bookId: string, memberId: string, limit: number): Promise<CopyCandidate[]> {
    return Promise.resolve(
      this.stored
        .filter(
          (c) =>
            c.bookId === bookId &&
            c.reservedFor === null &&
            ((c.status === CopyStatus.AVAILABLE && c.heldForHoldId === null) ||
              (c.status === CopyStatus.ON_HOLD_SHELF && c.heldForMemberId === memberId)),
        )
        .sort((a, b) => a.barcode.localeCompare(b.barcode))
        .slice(0, limit)
        .map((c) => ({ id: c.id, status: c.status })),
    );
  }
}

export class InMemoryCatalogueBookRepository implements CatalogueBookRepository {
  readonly books = new Map<string, CatalogueBook>();

  exists(bookId: string): Promise<boolean> {
    return Promise.resolve(this.books.has(bookId));
  }

  byIds(bookIds: readonly string[]): Promise<CatalogueBook[]> {
    return Promise.resolve(bookIds.flatMap((id) => this.books.get(id) ?? []));
  }

  addIfAbsent(book: CatalogueBook): Promise<boolean> {
    if (this.books.has(book.bookId)) return Promise.resolve(false);
    this.books.set(book.bookId, book);
    return Promise.resolve(true);
  }
}
