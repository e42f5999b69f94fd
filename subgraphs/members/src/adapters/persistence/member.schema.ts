import { EntitySchema, type EventArgs } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Member, MEMBER_ROLES, MEMBER_STATUSES, MemberCard } from '../../domain';

/** The card is part of the member's own row/document, so issuing it is one write. */
export const MemberCardSchema = new EntitySchema<MemberCard>({
  class: MemberCard,
  embeddable: true,
  properties: {
    number: { type: 'string', length: 16, unique: true },
    issuedAt: { type: 'Date' },
    expiresAt: { type: 'Date' },
  },
});

export const MemberSchema = new EntitySchema<Member, AggregateRoot>({
  class: Member,
  extends: AggregateRootSchema,
  // The librarian's member search: pages sorted by name.
  indexes: [{ properties: ['name', 'id'] }],
  properties: {
    id: { type: 'string', primary: true },
    email: { type: 'string', length: 254, unique: true },
    name: { type: 'string', length: 200 },
    // Hidden: never part of a serialised member (logs, JSON), whatever serialises it.
    passwordHash: { type: 'text', hidden: true },
    role: { enum: true, items: [...MEMBER_ROLES] },
    status: { enum: true, items: [...MEMBER_STATUSES] },
    blockedReason: { type: 'text', nullable: true },
    blockedAt: { type: 'Date', nullable: true },
    card: { kind: 'embedded', entity: () => MemberCard, nullable: true, prefix: 'card_' },
    points: { type: 'integer' },
    pointsLedger: { type: 'json' },
    registeredAt: { type: 'Date' },
    // Nullable: members stored before it existed get theirs at the next start (MemberSearchIndexer).
    searchKey: { type: 'text', nullable: true },
  },
  hooks: { onLoad: [readOlderRows] },
});

/**
 * Members written before blocking and ledger refs existed lack those fields (a MongoDB document
 * simply has no such key): they read as null, which is what they mean.
 */
function readOlderRows({ entity: member }: EventArgs<Member>): void {
  member.blockedReason ??= null;
  member.blockedAt ??= null;
  member.searchKey ??= null;
  if (member.pointsLedger.some((entry) => entry.ref === undefined)) {
    member.pointsLedger = member.pointsLedger.map((entry) => ({ ...entry, ref: entry.ref ?? null }));
  }
}
