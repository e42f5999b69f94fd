import { groupedBy, type Loader, type SubgraphContext } from '@shelfmark/subgraph-kit';
import type { BookBorrower } from '../../application/borrow-books/BookBorrower';
import type { HoldCanceller } from '../../application/cancel-hold/HoldCanceller';
import type { CopyCheckIn } from '../../application/check-in/CopyCheckIn';
import type { CopyCheckOut } from '../../application/check-out/CopyCheckOut';
import type { Caller } from '../../application/CirculationStores';
import type { HoldPlacer } from '../../application/place-hold/HoldPlacer';
import type { CirculationReader } from '../../application/read-circulation/CirculationReader';
import type { StandingReader } from '../../application/read-standing/StandingReader';
import type { LoanRenewer } from '../../application/renew-loan/LoanRenewer';
import type { LoanReturner } from '../../application/return-loan/LoanReturner';
import type { Hold, HoldStatus, Loan, LoanStatus } from '../../domain';

/** The circulation use cases: built once per subgraph, each opening its own units of work. */
export interface CirculationUseCases {
  readonly borrowBooks: BookBorrower;
  readonly returnLoan: LoanReturner;
  readonly renewLoan: LoanRenewer;
  readonly placeHold: HoldPlacer;
  readonly cancelHold: HoldCanceller;
  readonly checkOut: CopyCheckOut;
  readonly checkIn: CopyCheckIn;
}

export interface LoansContext extends SubgraphContext {
  readonly use: CirculationUseCases;
  /** The signed-in caller with the credentials to forward, or null. */
  readonly caller: Caller | null;
  /** `Member.loans` / `Member.holds` / `Member.loanHistory`, authorised, batched across members. */
  readonly circulation: CirculationReader;
  /** `Member.canBorrow` and its kin, authorised, batched across members. */
  readonly standing: StandingReader;
  /** `Book.holdQueue` and `Hold.position`: one query for every book of the request. */
  readonly holdQueue: Loader<string, Hold[]>;
  /** Entity references to loans and holds: one query per type per request. */
  readonly loanById: Loader<string, Loan | null>;
  readonly holdById: Loader<string, Hold | null>;
}

export function callerOf(base: SubgraphContext): Caller | null {
  return base.identity ? { ...base.identity, authorization: base.authorization } : null;
}

export interface MemberRecordKey<Status> {
  readonly memberId: string;
  readonly status: Status | null;
}

/**
 * A member's loans or holds, optionally of one status. The members asked for in one request are
 * loaded together: one query per distinct status filter, however many members.
 */
export function memberRecordsLoader<Status extends LoanStatus | HoldStatus, T extends { memberId: string }>(
  load: (memberIds: readonly string[], status: Status | null) => Promise<T[]>,
): Pick<Loader<MemberRecordKey<Status>, T[]>, 'load'> {
  const byStatus = new Map<Status | null, Loader<string, T[]>>();
  const loaderOf = (status: Status | null) => {
    const loader =
      byStatus.get(status) ??
      groupedBy(
        (memberIds) => load(memberIds, status),
        (item) => item.memberId,
      );
    byStatus.set(status, loader);
    return loader;
  };
  return { load: ({ memberId, status }) => loaderOf(status).load(memberId) };
}
