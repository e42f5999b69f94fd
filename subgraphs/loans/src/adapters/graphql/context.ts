import type { SubgraphContext } from '@shelfmark/subgraph-kit';
import DataLoader from 'dataloader';
import type { BookBorrower } from '../../application/borrow-books/BookBorrower';
import type { HoldCanceller } from '../../application/cancel-hold/HoldCanceller';
import type { Caller } from '../../application/CirculationStores';
import type { HoldPlacer } from '../../application/place-hold/HoldPlacer';
import type { CirculationReader } from '../../application/read-circulation/CirculationReader';
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
}

export interface LoansContext extends SubgraphContext {
  readonly use: CirculationUseCases;
  /** The signed-in caller with the credentials to forward, or null. */
  readonly caller: Caller | null;
  /** `Member.loans` / `Member.holds` / `Member.loanHistory`, authorised, batched across members. */
  readonly circulation: CirculationReader;
  /** `Book.holdQueue` and `Hold.position`: one query for every book of the request. */
  readonly holdQueue: DataLoader<string, Hold[]>;
  /** Entity references to loans and holds: one query per type per request. */
  readonly loanById: DataLoader<string, Loan | null>;
  readonly holdById: DataLoader<string, Hold | null>;
}

export function callerOf(base: SubgraphContext): Caller | null {
  return base.identity ? { ...base.identity, authorization: base.authorization } : null;
}

export function byIdLoader<T extends { id: string }>(
  load: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await load(ids)).map((item) => [item.id, item]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Items grouped under an owner id (a book's holds, in the order the query returned them). */
export function groupedLoader<T>(
  load: (ownerIds: readonly string[]) => Promise<T[]>,
  ownerOf: (item: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (ownerIds) => {
    const groups = new Map<string, T[]>();
    for (const item of await load(ownerIds)) {
      const owner = ownerOf(item);
      groups.set(owner, [...(groups.get(owner) ?? []), item]);
    }
    return ownerIds.map((id) => groups.get(id) ?? []);
  });
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
): DataLoader<MemberRecordKey<Status>, T[], string> {
  const keyOf = (memberId: string, status: Status | null) => JSON.stringify([status, memberId]);
  return new DataLoader(
    async (keys) => {
      const statuses = [...new Set(keys.map((key) => key.status))];
      const groups = new Map<string, T[]>();
      await Promise.all(
        statuses.map(async (status) => {
          const memberIds = keys.filter((key) => key.status === status).map((key) => key.memberId);
          for (const item of await load(memberIds, status)) {
            const key = keyOf(item.memberId, status);
            groups.set(key, [...(groups.get(key) ?? []), item]);
          }
        }),
      );
      return keys.map((key) => groups.get(keyOf(key.memberId, key.status)) ?? []);
    },
    { cacheKeyFn: (key) => keyOf(key.memberId, key.status) },
  );
}
