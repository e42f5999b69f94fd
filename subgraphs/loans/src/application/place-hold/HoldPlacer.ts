import { DomainError, InvalidInput, NotSignedIn, ServiceUnavailable } from '@shelfmark/errors';
import { isConflict, type Clock } from '@shelfmark/subgraph-kit';
import { randomUUID } from 'node:crypto';
import {
  AlreadyBorrowing,
  AlreadyHolding,
  BorrowerStatus,
  Hold,
  MemberBlocked,
  UnknownBook,
  type CirculationRules,
} from '../../domain';
import { knownCaller, type Caller, type OpenStores } from '../CirculationStores';
import type { PointsAccount } from '../ports';

export interface HoldPlacerOptions {
  readonly clock: Clock;
  /** How long members may take to take the points. */
  readonly pointsTimeoutMs: number;
  readonly newId?: () => string;
}

/**
 * placeHold (flow 4): no points, no hold. The hold is written unconfirmed first, then members takes
 * the points synchronously (idempotent per hold), then the hold is confirmed and joins the queue.
 * If the points call is refused, or its outcome is unknown, the hold is abandoned and members
 * refunds whatever it took; a crash in between is abandoned the same way by {@link HoldRecovery}.
 */
export class HoldPlacer {
  private readonly newId: () => string;

  constructor(
    private readonly open: OpenStores,
    private readonly points: PointsAccount,
    private readonly rules: CirculationRules,
    private readonly options: HoldPlacerOptions,
  ) {
    this.newId = options.newId ?? randomUUID;
  }

  async place(caller: Caller | null, bookId: string): Promise<Hold> {
    if (!caller) throw new NotSignedIn('Sign in to place a hold.');
    if (!bookId.trim()) throw new InvalidInput('bookId', 'Name the book to hold.');
    const stores = this.open();
    const borrower = await knownCaller(stores, caller);
    if (!(await stores.books.byId(bookId))) throw new UnknownBook(bookId);
    if (borrower.status === BorrowerStatus.BLOCKED) {
      throw new MemberBlocked(
        'Your membership is blocked; please speak to a librarian before placing holds.',
      );
    }
    if (await stores.holds.activeOf(caller.memberId, bookId)) throw new AlreadyHolding(bookId);
    if (await stores.loans.hasOut(caller.memberId, bookId)) throw new AlreadyBorrowing();

    const now = this.options.clock();
    const hold = Hold.begin({ id: this.newId(), memberId: caller.memberId, bookId }, this.rules, now);
    try {
      await stores.holds.add(hold);
    } catch (error) {
      // The unique active key: a parallel request of the same member placed this hold first.
      if (isConflict(error)) throw new AlreadyHolding(bookId);
      throw error;
    }

    try {
      await this.points.spendForHold({
        holdId: hold.id,
        points: hold.pointsSpent,
        deadline: new Date(now.getTime() + this.options.pointsTimeoutMs),
        authorization: caller.authorization,
      });
    } catch (error) {
      // A refusal took nothing; any other failure may have taken the points: members refunds them.
      const refused = error instanceof DomainError && !(error instanceof ServiceUnavailable);
      if (refused) hold.discard();
      else hold.abandon(this.options.clock());
      await stores.holds.save(hold);
      throw refused || error instanceof ServiceUnavailable ? error : new ServiceUnavailable();
    }
    hold.confirm(this.options.clock());
    await stores.holds.save(hold);
    return hold;
  }
}
