import { randomBytes, randomUUID } from 'node:crypto';
import {
  Barcode,
  BarcodeTaken,
  Copy,
  copyCount,
  copyLocation,
  UnknownBook,
  type CatalogueBookRepository,
  type CopyRepository,
} from '../../domain';

export interface AddCopies {
  readonly bookId: string;
  readonly count: number;
  readonly location?: string | null;
}

export interface CopyAdderOptions {
  /** Draws a fresh barcode; random by default. */
  readonly newBarcode?: () => Barcode;
  readonly clock?: () => Date;
}

/** How many times a batch is drawn again after a barcode collision before giving up. */
export const MAX_BARCODE_ATTEMPTS = 5;

export const randomBarcode = (): Barcode => Barcode.fromRandomBytes(randomBytes(Barcode.RANDOM_BYTES));

/**
 * Puts new copies of a catalogued book into circulation, all or none. Librarians only (checked at
 * the edge of the graph). Whether the book exists is answered by inventory's own read model of
 * catalogue's events: adding copies works while catalogue is down.
 */
export class CopyAdder {
  private readonly newBarcode: () => Barcode;
  private readonly clock: () => Date;

  constructor(
    private readonly copies: CopyRepository,
    private readonly books: CatalogueBookRepository,
    options: CopyAdderOptions = {},
  ) {
    this.newBarcode = options.newBarcode ?? randomBarcode;
    this.clock = options.clock ?? (() => new Date());
  }

  async add({ bookId, count, location }: AddCopies): Promise<Copy[]> {
    const howMany = copyCount(count);
    const shelvedAt = copyLocation(location);
    if (!(await this.books.exists(bookId))) throw new UnknownBook(bookId);

    const now = this.clock();
    for (let attempt = 1; attempt <= MAX_BARCODE_ATTEMPTS; attempt += 1) {
      const copies = this.distinctBarcodes(howMany).map((barcode) =>
        Copy.add({ id: randomUUID(), bookId, barcode, location: shelvedAt }, now),
      );
      try {
        await this.copies.addAll(copies);
        return copies;
      } catch (error) {
        // The whole batch was refused: draw every barcode again rather than guess which collided.
        if (!(error instanceof BarcodeTaken)) throw error;
      }
    }
    throw new Error(`No unused barcodes for ${howMany} copies after ${MAX_BARCODE_ATTEMPTS} attempts`);
  }

  /** `count` barcodes that differ from each other (the database checks them against the rest). */
  private distinctBarcodes(count: number): Barcode[] {
    const drawn = new Map<string, Barcode>();
    for (let draws = 0; drawn.size < count; draws += 1) {
      if (draws >= 2 * count + 10) throw new Error('The barcode generator keeps repeating itself');
      const barcode = this.newBarcode();
      drawn.set(barcode.value, barcode);
    }
    return [...drawn.values()];
  }
}
