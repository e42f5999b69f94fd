// Application plumbing shared by the use cases, not a use case: it stays at application/ root.
import { MemberUnknown, NotSignedIn } from '@shelfmark/errors';
import {
  changeOnce,
  type AggregateChange,
  type AggregateRepository,
  type ChangeTarget,
} from '@shelfmark/subgraph-kit';
import {
  DeskStaffOnly,
  type Borrower,
  type BorrowerRepository,
  type BorrowRequestRepository,
  type Hold,
  type HoldRepository,
  type KnownBookRepository,
  type Loan,
  type LoanRepository,
} from '../domain';

/** Every loans repository over one unit of work. Use cases open a fresh one per attempt. */
export interface CirculationStores {
  readonly loans: LoanRepository;
  readonly holds: HoldRepository;
  readonly borrowers: BorrowerRepository;
  readonly borrows: BorrowRequestRepository;
  readonly books: KnownBookRepository;
}

export type OpenStores = () => CirculationStores;

/** Who asks, with the credentials to forward when loans calls another context on their behalf. */
export interface Caller {
  readonly memberId: string;
  readonly role: 'MEMBER' | 'LIBRARIAN' | 'ADMIN';
  /** The caller's `Authorization` header. */
  readonly authorization: string | null;
}

/**
 * The caller as loans knows them: loans acts only for members it heard of from members
 * (`member-registered`, docs/adr/0010-who-may-act.md). A valid token for anyone else — an account
 * that is gone, an id members never issued — is refused before anything is written.
 */
export async function knownCaller(stores: CirculationStores, caller: Caller): Promise<Borrower> {
  const borrower = await stores.borrowers.byId(caller.memberId);
  if (!borrower) throw new MemberUnknown();
  return borrower;
}

/**
 * The caller of a desk operation (checkOut, checkIn): signed in, staff (LIBRARIAN or ADMIN), and
 * known to loans like any caller who writes. The resolvers' `@Authorized('LIBRARIAN')` refuses
 * members first; this holds the rule where the use case is.
 */
export async function deskStaff(stores: CirculationStores, caller: Caller | null): Promise<Caller> {
  if (!caller) throw new NotSignedIn('Sign in to work at the desk.');
  if (caller.role !== 'LIBRARIAN' && caller.role !== 'ADMIN') throw new DeskStaffOnly();
  await knownCaller(stores, caller);
  return caller;
}

/** Staff may act on any member's loans and holds; members only on their own. */
export function mayActFor(caller: Caller, memberId: string): boolean {
  return caller.memberId === memberId || caller.role === 'LIBRARIAN' || caller.role === 'ADMIN';
}

/** The first hold in a book's queue, other than `except`, as the next home of a copy. */
export async function nextInQueue(
  stores: CirculationStores,
  bookId: string,
  except?: string,
): Promise<{ holdId: string; memberId: string } | null> {
  const next = (await stores.holds.waitingFor([bookId])).find((hold) => hold.id !== except);
  return next ? { holdId: next.id, memberId: next.memberId } : null;
}

/**
 * A loan as the kit's `changeOnce` changes it: read and written in a fresh unit of work per
 * attempt. Given the caller, each attempt first makes sure loans knows them ({@link knownCaller}).
 */
export function loanIn(
  open: OpenStores,
  loanId: string,
  caller?: Caller,
): ChangeTarget<CirculationStores, Loan> {
  return storedIn(open, (stores) => stores.loans, loanId, caller);
}

/** A hold as {@link loanIn} has a loan. */
export function holdIn(
  open: OpenStores,
  holdId: string,
  caller?: Caller,
): ChangeTarget<CirculationStores, Hold> {
  return storedIn(open, (stores) => stores.holds, holdId, caller);
}

function storedIn<A>(
  open: OpenStores,
  repository: (stores: CirculationStores) => AggregateRepository<A>,
  id: string,
  caller?: Caller,
): ChangeTarget<CirculationStores, A> {
  return {
    open,
    load: async (stores) => {
      if (caller) await knownCaller(stores, caller);
      return repository(stores).byId(id);
    },
    save: (stores, aggregate) => repository(stores).save(aggregate),
  };
}

/**
 * What a scheduled job does to each item it found: `change` it as the kit's `changeOnce` does (a
 * fresh load, one write when it changes it, run again when it loses a race to another writer).
 * An item gone meanwhile is skipped. Resolves to how many items it changed.
 */
export async function changeEach<A extends Loan | Hold>(
  items: readonly { readonly id: string }[],
  target: (id: string) => ChangeTarget<CirculationStores, A>,
  change: AggregateChange<CirculationStores, A>,
): Promise<number> {
  let changed = 0;
  for (const { id } of items) if ((await changeOnce(target(id), change)).outcome === 'changed') changed += 1;
  return changed;
}
