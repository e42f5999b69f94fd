import { AggregateRoot } from '../../src';

/**
 * A small aggregate for tests: it records events in its own outbox (as real aggregates do) and
 * keeps its cards, so a test can tell whether an effect was applied once or twice.
 */
export class Member extends AggregateRoot {
  id = '';
  email = '';
  cards: string[] = [];

  static register(id: string, email = 'ada@example.org', now?: Date): Member {
    const member = new Member();
    member.id = id;
    member.email = email;
    member.record(
      'shelfmark.members.member-registered.v1',
      id,
      { memberId: id, email, name: 'Ada Lovelace', role: 'MEMBER', points: 0 },
      now,
    );
    return member;
  }

  issueCard(number: string, issuedAt = new Date('2026-01-02T03:04:05Z')): void {
    const expiresAt = new Date(issuedAt);
    expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + 1);
    this.cards = [...this.cards, number];
    this.record(
      'shelfmark.members.member-card-issued.v1',
      this.id,
      { memberId: this.id, number, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() },
      issuedAt,
    );
  }
}
