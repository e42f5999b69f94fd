import type { SubgraphContext } from '@shelfmark/subgraph-kit';
import DataLoader from 'dataloader';
import type { CopyAdder } from '../../application/add-copies/CopyAdder';
import type { CopyReserver } from '../../application/reserve-copies/CopyReserver';
import type { CopyWithdrawer } from '../../application/withdraw-copy/CopyWithdrawer';
import {
  availabilityOf,
  NO_COPIES,
  type Availability,
  type Copy,
  type CopyRepository,
  type StatusCounts,
} from '../../domain';

export interface InventoryContext extends SubgraphContext {
  readonly addCopies: CopyAdder;
  readonly reserveCopies: CopyReserver;
  readonly withdrawCopy: CopyWithdrawer;
  readonly copies: CopyRepository;
  /** Batches entity references to copies into one query per request. */
  readonly copyById: DataLoader<string, Copy | null>;
  /** `Book.copies` for every book of a request in one query. */
  readonly copiesByBook: DataLoader<string, Copy[]>;
  /** `Book.availability` for every book of a request in one grouped count. */
  readonly availabilityByBook: DataLoader<string, Availability>;
}

export function copyLoader(copies: CopyRepository): DataLoader<string, Copy | null> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await copies.byIds(ids)).map((copy) => [copy.id, copy]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function copiesByBookLoader(copies: CopyRepository): DataLoader<string, Copy[]> {
  return new DataLoader(async (bookIds) => {
    const byBook = new Map<string, Copy[]>(bookIds.map((id) => [id, []]));
    // Sorted by barcode already; grouping keeps that order within each book.
    for (const copy of await copies.byBookIds(bookIds)) byBook.get(copy.bookId)?.push(copy);
    return bookIds.map((id) => byBook.get(id) ?? []);
  });
}

export function availabilityLoader(copies: CopyRepository): DataLoader<string, Availability> {
  return new DataLoader(async (bookIds) => {
    const counts = new Map<string, StatusCounts>();
    for (const { bookId, status, count } of await copies.statusCounts(bookIds)) {
      counts.set(bookId, { ...counts.get(bookId), [status]: count });
    }
    return bookIds.map((id) => {
      const ofBook = counts.get(id);
      return ofBook ? availabilityOf(ofBook) : NO_COPIES;
    });
  });
}
