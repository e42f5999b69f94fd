import { InvalidInput } from '@shelfmark/errors';
import {
  CopyChangedMeanwhile,
  CopyStatus,
  NoCopyAvailable,
  OUT_OF_CIRCULATION,
  UnknownBook,
  type CatalogueBookRepository,
  type Copy,
  type CopyCandidate,
  type FreshCopies,
} from '../../domain';
import type { CopyChanger } from '../change-copy/CopyChanger';
import { assertBeforeDeadline, releaseReserved, reservationOf, type CopyReservation } from '../Reservations';

export type { CopyReservation };

export interface ReserveCopies {
  /** The borrow request (loans' saga): reserving for it again returns what it already has. */
  readonly borrowId: string;
  /** The signed-in member borrowing. */
  readonly memberId: string;
  readonly bookIds: readonly string[];
  /** When the caller stops waiting: a reservation finished later is given back, not kept. */
  readonly deadline: Date;
}

export interface CopyReserverOptions {
  readonly clock?: () => Date;
  /** Orders the free copies a borrow tries; random by default, so that concurrent borrows spread out. */
  readonly shuffle?: <T>(items: T[]) => T[];
}

/** A book's reservable copies as one read found them. */
interface Look {
  readonly candidates: CopyCandidate[];
}

/** How many copies of a book one round of reservation attempts looks at. */
export const CANDIDATES_PER_ROUND = 20;
/** How many times the candidates of a book are loaded again after every attempt lost its race. */
export const MAX_ROUNDS = 3;

/**
 * The synchronous step of loans' borrow saga: sets one copy of each book aside for the borrow,
 * all or none. The last copy can never be lent twice: each reservation is one write of one copy,
 * checked by its optimistic `version`, so of concurrent borrows racing for a copy exactly one
 * wins; the others move on to the next free copy, and find none when there is none. No
 * multi-document transaction is needed (SQLite and MongoDB alike): a borrow that cannot be served
 * whole releases, copy by copy, what it did reserve.
 */
export class CopyReserver {
  private readonly clock: () => Date;
  private readonly shuffle: <T>(items: T[]) => T[];

  constructor(
    private readonly copies: FreshCopies,
    private readonly books: CatalogueBookRepository,
    private readonly changer: CopyChanger,
    options: CopyReserverOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.shuffle = options.shuffle ?? randomOrder;
  }

  async reserve({ borrowId, memberId, bookIds, deadline }: ReserveCopies): Promise<CopyReservation[]> {
    if (borrowId.trim() === '') throw new InvalidInput('borrowId', 'The borrow request needs an id.');
    checkBookIds(bookIds);
    // What an earlier call for this borrow reserved, and a first look at each book's free copies,
    // read at once, before anything is written (a first call, by far the most common, has nothing
    // earlier; a repeated one merely looked in vain). A book with a free copy is a book inventory
    // knows (copies are only added to known books, and none is forgotten), so only the books
    // without any are looked up: unknown (NOT_FOUND, before anything is reserved) or none free.
    const [reservedEarlier, ...firstLooks] = await Promise.all([
      this.copies().byBorrow(borrowId),
      ...bookIds.map((bookId) => this.look(bookId, memberId)),
    ]);
    const earlier = new Map(reservedEarlier.map((copy) => [copy.bookId, copy]));
    const looks = new Map<string, Look>();
    for (const [i, bookId] of bookIds.entries()) {
      if (!earlier.has(bookId)) looks.set(bookId, firstLooks[i]!);
    }
    const bare = [...looks].filter(([, look]) => look.candidates.length === 0).map(([bookId]) => bookId);
    const titles = bare.length > 0 ? await this.titlesOf(bare) : new Map<string, string>();
    this.checkDeadline(deadline);

    const reserved: Copy[] = [];
    try {
      const reservations: CopyReservation[] = [];
      for (const bookId of bookIds) {
        let copy: Copy | null | undefined = earlier.get(bookId);
        if (!copy) {
          copy = await this.reserveOne(bookId, borrowId, memberId, looks.get(bookId));
          if (!copy) {
            const title = titles.get(bookId) ?? (await this.titlesOf([bookId])).get(bookId) ?? bookId;
            throw new NoCopyAvailable(bookId, title, await this.inCirculation(bookId));
          }
          reserved.push(copy);
        }
        reservations.push(reservationOf(copy));
      }
      this.checkDeadline(deadline);
      return reservations;
    } catch (error) {
      // All or none. Only what this call reserved: an earlier call's copies may already be lent
      // on its answer. If a release fails, the answer must not be a refusal (which tells loans
      // nothing is held): an unexpected error makes loans cancel with borrow-cancelled, which
      // releases the rest.
      if (!(await releaseReserved(this.changer, reserved, borrowId, this.clock))) {
        throw new Error(`Could not release every copy reserved for borrow ${borrowId}`, { cause: error });
      }
      throw error;
    }
  }

  /** Whether the book has any copy the library still lends (for the refusal's wording). */
  private async inCirculation(bookId: string): Promise<boolean> {
    const counts = await this.copies().statusCounts([bookId]);
    return counts.some(({ status, count }) => count > 0 && !OUT_OF_CIRCULATION.has(status));
  }

  /** The titles of the books, for messages; refuses any book inventory has not heard of. */
  private async titlesOf(bookIds: readonly string[]): Promise<Map<string, string>> {
    const titles = new Map((await this.books.byIds(bookIds)).map((book) => [book.bookId, book.title]));
    const unknown = bookIds.find((id) => !titles.has(id));
    if (unknown !== undefined) throw new UnknownBook(unknown);
    return titles;
  }

  private checkDeadline(deadline: Date): void {
    assertBeforeDeadline(this.clock(), deadline);
  }

  /**
   * One copy of the book for this borrow, or null when none is free. A copy waiting on the hold
   * shelf for this member comes first. Each attempt is one copy, freshly loaded in a unit of work
   * of its own: losing a race leaves nothing behind, and the next candidate is tried.
   */
  private async reserveOne(
    bookId: string,
    borrowId: string,
    memberId: string,
    firstLook?: Look,
  ): Promise<Copy | null> {
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const { candidates } = round === 1 && firstLook ? firstLook : await this.look(bookId, memberId);
      if (candidates.length === 0) return null;
      // Each attempt reads its candidate by id on a fresh unit of work (one that lost a race may
      // hold a write that lost) and writes it as read: its version decides whether it changed
      // meanwhile, and one that is no longer free is passed over.
      for (const candidate of this.inOrderOfPreference(candidates)) {
        const copies = this.copies();
        const copy = await copies.byId(candidate.id);
        if (!copy?.reserve(borrowId, memberId, this.clock())) continue;
        try {
          await copies.save(copy);
          return copy;
        } catch (error) {
          if (!(error instanceof CopyChangedMeanwhile)) throw error;
        }
      }
    }
    return null;
  }

  /** The copies of the book this member could reserve now. */
  private async look(bookId: string, memberId: string): Promise<Look> {
    return { candidates: await this.copies().reservableFor(bookId, memberId, CANDIDATES_PER_ROUND) };
  }

  private inOrderOfPreference(candidates: CopyCandidate[]): CopyCandidate[] {
    const held = candidates.filter((copy) => copy.status === CopyStatus.ON_HOLD_SHELF);
    const free = candidates.filter((copy) => copy.status !== CopyStatus.ON_HOLD_SHELF);
    return [...held, ...this.shuffle(free)];
  }
}

function checkBookIds(bookIds: readonly string[]): void {
  if (bookIds.length === 0) throw new InvalidInput('bookIds', 'Name at least one book to borrow.');
  const seen = new Set<string>();
  for (const id of bookIds) {
    if (seen.has(id)) throw new InvalidInput('bookIds', `The book "${id}" is named more than once.`);
    seen.add(id);
  }
}

/** Fisher–Yates, on a copy. */
function randomOrder<T>(items: T[]): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}
