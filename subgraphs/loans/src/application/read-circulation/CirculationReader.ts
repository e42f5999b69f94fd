import {
  assertMayReadCirculationOf,
  type HistoryCursor,
  type Hold,
  type HoldStatus,
  type Loan,
  type LoanRepository,
  type LoanStatus,
  type Reader,
} from '../../domain';

/** Looks up one member's loans or holds; the adapter batches these lookups across members. */
export type MemberRecords<Status, Item> = (memberId: string, status: Status | null) => Promise<Item[]>;

export interface HistoryPage {
  readonly loans: Loan[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** A member's loans and holds, shown to that member and to library staff only. */
export class CirculationReader {
  constructor(
    private readonly loansOf: MemberRecords<LoanStatus, Loan>,
    private readonly holdsOf: MemberRecords<HoldStatus, Hold>,
    private readonly loanHistory: Pick<LoanRepository, 'history' | 'count'>,
  ) {}

  async loans(reader: Reader | null, memberId: string, status: LoanStatus | null): Promise<Loan[]> {
    assertMayReadCirculationOf(reader, memberId);
    return this.loansOf(memberId, status);
  }

  async holds(reader: Reader | null, memberId: string, status: HoldStatus | null): Promise<Hold[]> {
    assertMayReadCirculationOf(reader, memberId);
    return this.holdsOf(memberId, status);
  }

  /** Every loan the member had, newest first, one page at a time. */
  async history(
    reader: Reader | null,
    memberId: string,
    page: { readonly first: number; readonly after: HistoryCursor | null },
  ): Promise<HistoryPage> {
    assertMayReadCirculationOf(reader, memberId);
    const [found, totalCount] = await Promise.all([
      this.loanHistory.history(memberId, page.first, page.after),
      this.loanHistory.count(memberId),
    ]);
    return { ...found, totalCount };
  }
}
