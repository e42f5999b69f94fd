import { byId, groupedBy, type Loader, type SubgraphContext } from '@shelfmark/subgraph-kit';
import type { CopyAdder } from '../../application/add-copies/CopyAdder';
import type { CopyReserver } from '../../application/reserve-copies/CopyReserver';
import type { NamedCopyReserver } from '../../application/reserve-named-copies/NamedCopyReserver';
import type { CopyWithdrawer } from '../../application/withdraw-copy/CopyWithdrawer';
import { availabilityOf, type Availability, type Copy, type CopyRepository } from '../../domain';

export interface InventoryContext extends SubgraphContext {
  readonly addCopies: CopyAdder;
  readonly reserveCopies: CopyReserver;
  /** Internal: loans' saga for a librarian's checkOut reserves the copies scanned at the desk. */
  readonly reserveNamedCopies: NamedCopyReserver;
  readonly withdrawCopy: CopyWithdrawer;
  readonly copies: CopyRepository;
  /** Batches entity references to copies into one query per request. */
  readonly copyById: Loader<string, Copy | null>;
  /** `Book.copies` for every book of a request in one query. */
  readonly copiesByBook: Loader<string, Copy[]>;
  /** `Book.availability` for every book of a request in one grouped count. */
  readonly availabilityByBook: Loader<string, Availability>;
}

export function copyLoader(copies: CopyRepository): Loader<string, Copy | null> {
  return byId(
    (ids) => copies.byIds(ids),
    (copy) => copy.id,
  );
}

/** Sorted by barcode already; grouping keeps that order within each book. */
export function copiesByBookLoader(copies: CopyRepository): Loader<string, Copy[]> {
  return groupedBy(
    (bookIds) => copies.byBookIds(bookIds),
    (copy) => copy.bookId,
  );
}

/** A book without copies has none of any status. */
export function availabilityLoader(copies: CopyRepository): Loader<string, Availability> {
  return groupedBy(
    (bookIds) => copies.statusCounts(bookIds),
    (count) => count.bookId,
    (counts) => availabilityOf(Object.fromEntries(counts.map(({ status, count }) => [status, count]))),
  );
}
