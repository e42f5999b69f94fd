import { InvalidInput } from '@shelfmark/errors';
import { AggregateRoot } from '@shelfmark/events';
import type { EmailAddress } from './EmailAddress';
import { CardAlreadyIssued } from './errors';
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
  /** The balance right after this entry. */
  readonly balance: number;
}

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
  /** Points every new member starts with (design.md §2: 30 by default). */
  readonly initialPoints: number;
}

export const WELCOME_POINTS_REASON = 'Welcome to the library';
const MAX_REASON_LENGTH = 500;

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
  /** Null until the card is issued, asynchronously, after registration. */
  card!: MemberCard | null;
  points!: number;
  /** Every change of the balance, oldest first. */
  pointsLedger!: PointsEntry[];
  registeredAt!: Date;

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
    member.card = null;
    member.points = 0;
    member.pointsLedger = [];
    member.registeredAt = now;
    if (input.initialPoints > 0) member.changePoints(input.initialPoints, WELCOME_POINTS_REASON, now);
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

  /** Adds points, with the reason on the ledger. */
  grantPoints(points: number, reason: string, now: Date): void {
    if (!Number.isInteger(points) || points < 1) {
      throw new InvalidInput('points', 'Points are granted in whole numbers, at least one.');
    }
    this.changePoints(points, reason, now);
  }

  issueCard(card: MemberCard): void {
    if (this.card) throw new CardAlreadyIssued(this.id);
    this.card = card;
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

  /** E-mail and points ledger are for the member themself and for staff only. */
  showsPrivateDetailsTo(viewer: Viewer | null): boolean {
    if (!viewer) return false;
    return viewer.memberId === this.id || viewer.role === 'LIBRARIAN' || viewer.role === 'ADMIN';
  }

  private changePoints(delta: number, reason: string, now: Date): void {
    const why = reason.trim();
    if (!why) throw new InvalidInput('reason', 'A change of points needs a reason.');
    if (why.length > MAX_REASON_LENGTH) {
      throw new InvalidInput('reason', `The reason must be at most ${MAX_REASON_LENGTH} characters.`);
    }
    this.points += delta;
    this.pointsLedger = [
      ...this.pointsLedger,
      { at: now.toISOString(), delta, reason: why, balance: this.points },
    ];
  }
}
