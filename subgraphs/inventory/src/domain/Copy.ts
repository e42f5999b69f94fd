import { AggregateRoot } from '@shelfmark/events';
import type { Barcode } from './Barcode';
import { CopyStatus } from './CopyStatus';

export interface NewCopy {
  readonly id: string;
  readonly bookId: string;
  readonly barcode: Barcode;
  /** Already validated by {@link copyLocation}. */
  readonly location: string | null;
}

/**
 * One physical copy of a book. Inventory owns its barcode, shelf location and status; which book
 * it is a copy of is catalogue's business (`bookId` refers to it by id only).
 */
export class Copy extends AggregateRoot {
  id!: string;
  bookId!: string;
  barcode!: string;
  location!: string | null;
  status!: CopyStatus;
  addedAt!: Date;

  /** A new copy goes straight into circulation: AVAILABLE. */
  static add({ id, bookId, barcode, location }: NewCopy, now: Date): Copy {
    const copy = new Copy();
    copy.id = id;
    copy.bookId = bookId;
    copy.barcode = barcode.value;
    copy.location = location;
    copy.status = CopyStatus.AVAILABLE;
    copy.addedAt = now;
    copy.record(
      'shelfmark.inventory.copy-added.v1',
      copy.id,
      { copyId: copy.id, bookId, barcode: copy.barcode, location, status: copy.status },
      now,
    );
    return copy;
  }
}
