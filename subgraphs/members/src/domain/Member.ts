import { InvalidInput } from '@shelfmark/errors';
import { AggregateRoot } from '@shelfmark/events';
import type { EmailAddress } from './EmailAddress';
import {
  CannotBlockThemself,
  CardAlreadyIssued,
  InsufficientPoints,
  MemberBlocked,
  OnlyAdminsBlockStaff,
  OnlyStaffBlock,
} from './errors';
import type { MemberCard } from './MemberCard';
import type { MemberName } from './MemberName';

export const MEMBER_ROLES = ['MEMBER', 'LIBRARIAN', 'ADMIN'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_STATUSES = ['ACTIVE', 'BLOCKED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** One line of the points ledger: what changed the balance, by how much, and what it became. */
export interface PointsEntry {
  /** ISO-8601 instant; kept as text so the ledger is plain JSON on every database. */
  readonly at: string;
  readonly delta: number;
  readonly reason: string;
  /**
   * What caused the change (see PointsRef), or null when nothing did but a person's say-so (a
   * grant, the welcome points). Each ref appears at most once: it is what makes paying for a
   * hold, refunding it and rewarding a return idempotent.
   */
  readonly ref: string | null;
  /** The balance right after this entry. */
  readonly balance: number;
}

/** How ledger entries name their cause: one entry per hold paid, hold refunded, loan rewarded. */
export const PointsRef = {
  hold: (holdId: string) => `hold:${holdId}`,
  holdRefund: (holdId: string) => `hold-refund:${holdId}`,
  loan: (loanId: string) => `loan:${loanId}`,
} as const;

/** Who is looking at a member: the signed-in caller, if any. */
export interface Viewer {
  readonly memberId: string;
  readonly role: MemberRole;
}

export interface NewMember {
  readonly email: EmailAddress;
  readonly name: MemberName;
  /** Already hashed: the aggregate never sees a plain-text password. */
  readonly passwordHash: string;
  readonly role: MemberRole;
  /** Points every new member starts with (docs/design.md §2: 30 by default). */
  readonly initialPoints: number;
}

export const WELCOME_POINTS_REASON = 'Welcome to the library';
export const HOLD_PLACED_REASON = 'Hold placed';
export const ON_TIME_RETURN_REASON = 'Returned on time';
const MAX_REASON_LENGTH = 500;
/** A librarian's grant is a gesture, not a way to mint unlimited holds. */
export const MAX_POINTS_PER_GRANT = 10_000;

/** A person who may borrow from the library, or staff who run it. */
export class Member extends AggregateRoot {
  id!: string;
  /** Normalised: trimmed and lower-case. Unique. */
  email!: string;
  name!: string;
  /** Argon2id, PHC string format. */
  passwordHash!: string;
  role!: MemberRole;
  status!: MemberStatus;
  /** Why staff blocked the member; null while ACTIVE. Private, like the e-mail. */
  blockedReason!: string | null;
  /** When the current block began; null while ACTIVE. */
  blockedAt!: Date | null;
  /** Null until the card is issued, asynchronously, after registration. */
  card!: MemberCard | null;
  points!: number;
  /** Every change of the balance, oldest first. */
  pointsLedger!: PointsEntry[];
  registeredAt!: Date;
  /**
   * What a librarian's member search matches: name, e-mail and card number, lower-cased (so the
   * search ignores case on every database, for every alphabet). Kept with every change of them.
   */
  searchKey!: string | null;

  static register(id: string, input: NewMember, now: Date): Member {
    if (!Number.isInteger(input.initialPoints) || input.initialPoints < 0) {
      throw new InvalidInput(
        'initialPoints',
        'New members start with a whole, non-negative number of points.',
      );
    }
    const member = new Member();
    member.id = id;
    member.email = input.email;
    member.name = input.name;
    member.passwordHash = input.passwordHash;
    member.role = input.role;
    member.status = 'ACTIVE';
    member.blockedReason = null;
    member.blockedAt = null;
    member.card = null;
    member.points = 0;
    member.pointsLedger = [];
    member.registeredAt = now;
    member.refreshSearchKey();
    // The welcome points are part of joining: member-registered carries the opening balance,
    // so they go on the ledger without a points-changed event of their own.
    if (input.initialPoints > 0) {
      member.appendToLedger(input.initialPoints, WELCOME_POINTS_REASON, null, now);
    }
    member.record(
      'shelfmark.members.member-registered.v1',
      member.id,
      {
        memberId: member.id,
        email: member.email,
        name: member.name,
        role: member.role,
        points: member.points,
      },
      now,
    );
    return member;
  }

  /** A librarian adds points, with the reason on the ledger. */
  grantPoints(points: number, reason: string, now: Date): void {
    if (!Number.isInteger(points) || points < 1 || points > MAX_POINTS_PER_GRANT) {
      throw new InvalidInput(
        'points',
        `Points are granted in whole numbers, from 1 to ${MAX_POINTS_PER_GRANT} at a time.`,
      );
    }
    this.changePoints(points, reason, null, now);
  }

  /**
   * Pays for a hold (docs/design.md §2: no points, no hold). Paying again for the same hold changes
   * nothing and returns false, so a caller may retry: even a member blocked or short of points
   * since then gets the answer the first payment got.
   */
  spendForHold(holdId: string, points: number, now: Date): boolean {
    requireId('holdId', holdId);
    if (!Number.isInteger(points) || points < 0) {
      throw new InvalidInput('points', 'A hold costs a whole number of points, zero or more.');
    }
    if (this.entryFor(PointsRef.hold(holdId))) return false;
    if (this.status === 'BLOCKED') throw new MemberBlocked(this.id);
    if (points > this.points) throw new InsufficientPoints(points, this.points);
    // A free hold has nothing to pay now and nothing to refund later.
    if (points === 0) return false;
    this.changePoints(-points, HOLD_PLACED_REASON, PointsRef.hold(holdId), now);
    return true;
  }

  /** What this member paid for a hold; null if nothing was paid for it. */
  pointsSpentForHold(holdId: string): number | null {
    const spent = this.entryFor(PointsRef.hold(holdId));
    return spent ? -spent.delta : null;
  }

  /**
   * Gives back exactly what was paid for the hold, once. Nothing paid, or already refunded:
   * changes nothing. Returns whether it refunded.
   */
  refundHold(holdId: string, reason: string, now: Date): boolean {
    const spent = this.pointsSpentForHold(holdId);
    if (spent === null || this.entryFor(PointsRef.holdRefund(holdId))) return false;
    this.changePoints(spent, reason, PointsRef.holdRefund(holdId), now);
    return true;
  }

  /** Rewards a loan returned by its due date, once per loan. Returns whether it rewarded. */
  rewardOnTimeReturn(loanId: string, points: number, now: Date): boolean {
    requireId('loanId', loanId);
    if (!Number.isInteger(points) || points < 0) {
      throw new InvalidInput('points', 'An on-time return earns a whole number of points, zero or more.');
    }
    if (points === 0 || this.entryFor(PointsRef.loan(loanId))) return false;
    this.changePoints(points, ON_TIME_RETURN_REASON, PointsRef.loan(loanId), now);
    return true;
  }

  /**
   * Staff block a member: no holds (and, as loans learns from member-blocked, no borrowing).
   * Blocking a BLOCKED member changes nothing, not even the reason, and returns false.
   *
   * Blocking oneself is refused as NotAllowed (FORBIDDEN), not InvalidInput: the request is
   * well-formed, it is this caller who may not do it to this member. A librarian could otherwise
   * lift a block that another put on them, or lock themself out by a slip.
   */
  block(reason: string, by: Viewer, now: Date): boolean {
    this.mayChangeStatus(by);
    const why = reasonText(reason);
    if (this.status === 'BLOCKED') return false;
    this.status = 'BLOCKED';
    this.blockedReason = why;
    this.blockedAt = now;
    this.record(
      'shelfmark.members.member-blocked.v1',
      this.id,
      { memberId: this.id, reason: why, blockedBy: by.memberId },
      now,
    );
    return true;
  }

  /** Lifts a block. Unblocking an ACTIVE member changes nothing and returns false. */
  unblock(by: Viewer, now: Date): boolean {
    this.mayChangeStatus(by);
    if (this.status === 'ACTIVE') return false;
    this.status = 'ACTIVE';
    this.blockedReason = null;
    this.blockedAt = null;
    this.record(
      'shelfmark.members.member-unblocked.v1',
      this.id,
      { memberId: this.id, unblockedBy: by.memberId },
      now,
    );
    return true;
  }

  issueCard(card: MemberCard): void {
    if (this.card) throw new CardAlreadyIssued(this.id);
    this.card = card;
    this.refreshSearchKey();
    this.record(
      'shelfmark.members.member-card-issued.v1',
      this.id,
      {
        memberId: this.id,
        number: card.number,
        issuedAt: card.issuedAt.toISOString(),
        expiresAt: card.expiresAt.toISOString(),
      },
      card.issuedAt,
    );
  }

  /**
   * Brings {@link searchKey} in line with the name, e-mail and card. True when it changed (a
   * member stored before the key existed gets it so).
   */
  refreshSearchKey(): boolean {
    const key = [this.name, this.email, this.card?.number].filter(Boolean).join(' ').toLowerCase();
    if (this.searchKey === key) return false;
    this.searchKey = key;
    return true;
  }

  /** E-mail, points ledger and block reason are for the member themself and for staff only. */
  showsPrivateDetailsTo(viewer: Viewer | null): boolean {
    if (!viewer) return false;
    return viewer.memberId === this.id || isStaff(viewer.role);
  }

  /** Staff may change a member's status; only an admin a member of staff's; nobody their own. */
  private mayChangeStatus(by: Viewer): void {
    if (!isStaff(by.role)) throw new OnlyStaffBlock();
    if (by.memberId === this.id) throw new CannotBlockThemself();
    if (isStaff(this.role) && by.role !== 'ADMIN') throw new OnlyAdminsBlockStaff();
  }

  private entryFor(ref: string): PointsEntry | undefined {
    return this.pointsLedger.find((entry) => entry.ref === ref);
  }

  /** A change of the balance: on the ledger and, in the same write, as points-changed. */
  private changePoints(delta: number, reason: string, ref: string | null, now: Date): void {
    const entry = this.appendToLedger(delta, reason, ref, now);
    this.record(
      'shelfmark.members.points-changed.v1',
      this.id,
      { memberId: this.id, delta, balance: entry.balance, reason: entry.reason, ref },
      now,
    );
  }

  private appendToLedger(delta: number, reason: string, ref: string | null, now: Date): PointsEntry {
    const entry = {
      at: now.toISOString(),
      delta,
      reason: reasonText(reason),
      ref,
      balance: this.points + delta,
    };
    this.points = entry.balance;
    this.pointsLedger = [...this.pointsLedger, entry];
    return entry;
  }
}

function isStaff(role: MemberRole): boolean {
  return role === 'LIBRARIAN' || role === 'ADMIN';
}

function reasonText(reason: string): string {
  const why = reason.trim();
  if (!why) throw new InvalidInput('reason', 'A reason is required.');
  if (why.length > MAX_REASON_LENGTH) {
    throw new InvalidInput('reason', `The reason must be at most ${MAX_REASON_LENGTH} characters.`);
  }
  return why;
}

function requireId(field: string, id: string): void {
  if (!id.trim()) throw new InvalidInput(field, `The ${field} must not be empty.`);
}
