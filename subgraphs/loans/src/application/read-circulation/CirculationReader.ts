import {
  assertMayReadCirculationOf,
  type Hold,
  type HoldStatus,
  type Loan,
  type LoanStatus,
  type Reader,
} from '../../domain';

/** Looks up one member's loans or holds; the adapter batches these lookups across members. */
export type MemberRecords<Status, Item> = (memberId: string, status: Status | null) => Promise<Item[]>;

/** A member's loans and holds, shown to that member and to library staff only. */
export class CirculationReader {
  constructor(
    private readonly loansOf: MemberRecords<LoanStatus, Loan>,
    private readonly holdsOf: MemberRecords<HoldStatus, Hold>,
  ) {}

  async loans(reader: Reader | null, memberId: string, status: LoanStatus | null): Promise<Loan[]> {
    assertMayReadCirculationOf(reader, memberId);
    return this.loansOf(memberId, status);
  }

  async holds(reader: Reader | null, memberId: string, status: HoldStatus | null): Promise<Hold[]> {
    assertMayReadCirculationOf(reader, memberId);
    return this.holdsOf(memberId, status);
  }
}
