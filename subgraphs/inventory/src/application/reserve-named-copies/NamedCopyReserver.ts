import { InvalidInput } from '@shelfmark/errors';
import {
  Barcode,
  CopyNotLendable,
  HeldCopyWaiting,
  UnknownBarcode,
  type Copy,
  type CopyUnavailability,
  type FreshCopies,
} from '../../domain';
import type { CopyChanger } from '../change-copy/CopyChanger';
import { assertBeforeDeadline, releaseReserved, reservationOf, type CopyReservation } from '../Reservations';

export interface ReserveNamedCopies {
  /** The checkOut request (loans' borrow saga): reserving for it again returns what it already has. */
  readonly borrowId: string;
  /** The member the librarian lends to (not the librarian calling). */
  readonly memberId: string;
  /** The copies, by the barcode on their label, as typed or scanned. */
  readonly barcodes: readonly string[];
  /** When the caller stops waiting: a reservation finished later is given back, not kept. */
  readonly deadline: Date;
}

/**
 * The synchronous step of loans' saga for a librarian's checkOut: sets the very copies the
 * librarian scanned aside for the member, all or none. The same guarantees as
 * {@link CopyReserver}: each reservation is one versioned write of one copy, so a copy is never
 * reserved twice, and what this call reserved is released when any copy cannot be had. A copy on
 * the hold shelf may be lent to the member it waits for (the loan fulfils their hold), to nobody else.
 */
export class NamedCopyReserver {
  private readonly clock: () => Date;

  constructor(
    private readonly copies: FreshCopies,
    private readonly changer: CopyChanger,
    options: { readonly clock?: () => Date } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async reserve({ borrowId, memberId, barcodes, deadline }: ReserveNamedCopies): Promise<CopyReservation[]> {
    if (borrowId.trim() === '') throw new InvalidInput('borrowId', 'The borrow request needs an id.');
    if (memberId.trim() === '') throw new InvalidInput('memberId', 'Name the member the copies are lent to.');
    const wanted = distinctBarcodes(barcodes);
    assertBeforeDeadline(this.clock(), deadline);

    const earlier = new Map((await this.copies().byBorrow(borrowId)).map((copy) => [copy.barcode, copy]));
    const toReserve = wanted.filter((barcode) => !earlier.has(barcode));
    const found = new Map((await this.copies().byBarcodes(toReserve)).map((copy) => [copy.barcode, copy]));
    // Refusals first, before anything is reserved: the librarian hears about the first copy at fault.
    for (const barcode of toReserve) {
      const copy = found.get(barcode);
      if (!copy) throw new UnknownBarcode(barcode);
      const why = copy.whyNotReservableBy(memberId);
      if (why) throw new CopyNotLendable(copy, why);
    }
    await this.refuseWhileHeldCopyWaits(memberId, [...found.values()], wanted);

    const reserved: Copy[] = [];
    try {
      const reservations: CopyReservation[] = [];
      for (const barcode of wanted) {
        const copy = earlier.get(barcode) ?? (await this.reserveOne(found.get(barcode)!, borrowId, memberId));
        if (!earlier.has(barcode)) reserved.push(copy);
        reservations.push(reservationOf(copy));
      }
      assertBeforeDeadline(this.clock(), deadline);
      return reservations;
    } catch (error) {
      // All or none, as CopyReserver: only what this call reserved.
      if (!(await releaseReserved(this.changer, reserved, borrowId, this.clock))) {
        throw new Error(`Could not release every copy reserved for borrow ${borrowId}`, { cause: error });
      }
      throw error;
    }
  }

  /**
   * A free copy of a book while another copy of it waits on the hold shelf for this member: lending
   * the free one would fulfil their hold and strand the kept copy. The librarian lends the kept one.
   */
  private async refuseWhileHeldCopyWaits(
    memberId: string,
    named: readonly Copy[],
    wanted: readonly string[],
  ): Promise<void> {
    const free = named.filter((copy) => !copy.isHeldFor(memberId));
    if (free.length === 0) return;
    const held = await this.copies().heldFor(memberId, [...new Set(free.map((copy) => copy.bookId))]);
    for (const kept of held) {
      if (wanted.includes(kept.barcode)) continue;
      const instead = free.find((copy) => copy.bookId === kept.bookId);
      if (instead) throw new HeldCopyWaiting(instead.barcode, kept.barcode);
    }
  }

  /** The copy, reserved for this borrow in one versioned write (retried on a lost race), or a refusal. */
  private async reserveOne(copy: Copy, borrowId: string, memberId: string): Promise<Copy> {
    let why = null as CopyUnavailability | null;
    let reserved: Copy = copy;
    const outcome = await this.changer.change(copy.id, (current, now) => {
      why = current.whyNotReservableBy(memberId);
      reserved = current;
      return why === null && current.reserve(borrowId, memberId, now);
    });
    if (outcome !== 'changed') throw new CopyNotLendable(copy, why ?? 'ON_LOAN');
    return reserved;
  }
}

/** The barcodes of one checkOut, normalised as stored: at least one, each once. */
function distinctBarcodes(barcodes: readonly string[]): string[] {
  if (barcodes.length === 0) throw new InvalidInput('barcodes', 'Scan at least one copy to lend.');
  const normalised = barcodes.map((barcode) => Barcode.normalise(barcode));
  if (normalised.some((barcode) => barcode === '')) {
    throw new InvalidInput('barcodes', 'A barcode cannot be empty.');
  }
  const twice = normalised.find((barcode, index) => normalised.indexOf(barcode) !== index);
  if (twice !== undefined) {
    throw new InvalidInput(
      'barcodes',
      `The copy ${twice} is scanned more than once; each copy is lent once.`,
    );
  }
  return normalised;
}
