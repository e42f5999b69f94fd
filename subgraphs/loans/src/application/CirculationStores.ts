// Application plumbing shared by the use cases, not a use case: it stays at application/ root.
import { MemberUnknown } from '@shelfmark/errors';
import { retryOnConflict } from '@shelfmark/subgraph-kit';
import type {
  Borrower,
  BorrowerRepository,
  BorrowRequestRepository,
  HoldRepository,
  KnownBookRepository,
  LoanRepository,
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
 * What a scheduled job does to each item it found: `change` loads the item afresh and writes it
 * when it changes it, one unit of work per item, run again when it loses a race to another
 * writer. Resolves to how many items it changed.
 */
export async function changeEach(
  items: readonly { readonly id: string }[],
  change: (id: string) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (const { id } of items) if (await retryOnConflict(() => change(id))) changed += 1;
  return changed;
}
