import { createEvent } from '@shelfmark/events';
import {
  aBookAddedEvent,
  aMemberRegisteredEvent,
  errorCode,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@shelfmark/testing';
import { loansSubgraph } from '../src';
import { BorrowRequestSchema } from '../src/adapters/persistence/borrow-request.schema';
import { BorrowerSchema } from '../src/adapters/persistence/borrower.schema';
import { HoldSchema } from '../src/adapters/persistence/hold.schema';
import { FakePeer, fakeInventory, fakeMembers } from './support/fakePeers';

const BORROW = `mutation Borrow($bookIds: [ID!]!) { borrowBooks(bookIds: $bookIds) { id } }`;
const RETURN = `mutation Return($loanId: ID!) { returnLoan(loanId: $loanId) { id status } }`;
const RENEW = `mutation Renew($loanId: ID!) { renewLoan(loanId: $loanId) { id renewals } }`;
const PLACE = `mutation Place($bookId: ID!) { placeHold(bookId: $bookId) { id status } }`;
const CANCEL = `mutation Cancel($holdId: ID!) { cancelHold(holdId: $holdId) { id status } }`;
const LOANS = `query Loans($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { loans { id } } } }`;

/** docs/adr/0010-who-may-act.md: loans acts only for members it heard of, and a block stops borrowing. */
describe('who loans acts for (SQLite)', () => {
  let t: TestSubgraph;
  let inventory: FakePeer;
  let members: FakePeer;
  let n = 0;
  const fresh = (prefix: string) => `${prefix}-${++n}`;

  beforeAll(async () => {
    inventory = await new FakePeer(fakeInventory({})).start();
    members = await new FakePeer(fakeMembers(1000)).start();
    t = await startTestSubgraph(loansSubgraph({ peerTimeoutMs: 2000, sagaTimeoutMs: 5000 }), {
      peers: (name) => ({ inventory: inventory.url, members: members.url })[name],
    });
  });
  afterAll(async () => {
    await t.stop();
    await inventory.stop();
    await members.stop();
  });

  const aBook = async (copies: number): Promise<string> => {
    const bookId = fresh('book');
    await t.deliver(aBookAddedEvent(bookId));
    const previous = inventory.behaviour as ReturnType<typeof fakeInventory> & {
      books?: Record<string, number>;
    };
    const books = { ...(previous.books ?? {}), [bookId]: copies };
    inventory.behaviour = Object.assign(fakeInventory(books), { books });
    return bookId;
  };
  const registered = async (role: 'MEMBER' | 'LIBRARIAN' = 'MEMBER') => {
    const id = fresh(role === 'MEMBER' ? 'm' : 'lib');
    await t.deliver(aMemberRegisteredEvent(id, { role }));
    return { id, token: await t.tokenFor({ memberId: id, role }) };
  };
  /** A valid token, signed like members signs them, for an id members never registered. */
  const unknown = async (role: 'MEMBER' | 'LIBRARIAN' = 'MEMBER') => {
    const id = fresh('ghost');
    return { id, token: await t.tokenFor({ memberId: id, role }) };
  };
  const expectUnknownMember = (response: GraphQLResponse<unknown>) => {
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.extensions?.['reason']).toBe('MEMBER_UNKNOWN');
    expect(response.errors?.[0]?.message).toMatch(/sign in again/i);
  };

  it('regression: a valid token for a member loans never heard of cannot borrow or place a hold, and nothing is written', async () => {
    const book = await aBook(3);
    const ghost = await unknown();
    const callsBefore = inventory.calls.length + members.calls.length;

    expectUnknownMember(await t.request(BORROW, { bookIds: [book] }, { token: ghost.token }));
    expectUnknownMember(await t.request(PLACE, { bookId: book }, { token: ghost.token }));

    const em = t.subgraph.orm.em.fork();
    expect(await em.count(BorrowRequestSchema, { memberId: ghost.id })).toBe(0);
    expect(await em.count(HoldSchema, { memberId: ghost.id })).toBe(0);
    // Not even a Borrower is made up for them, and no other context was asked.
    expect(await em.count(BorrowerSchema, { memberId: ghost.id })).toBe(0);
    expect(inventory.calls.length + members.calls.length).toBe(callsBefore);
  });

  it("regression: a valid token for an unknown member cannot return, renew or cancel, even a librarian's", async () => {
    const book = await aBook(1);
    const owner = await registered();
    const loanId = (
      await t.request<{ borrowBooks: { id: string }[] }>(BORROW, { bookIds: [book] }, { token: owner.token })
    ).data!.borrowBooks[0]!.id;
    const waiter = await registered();
    const holdId = (
      await t.request<{ placeHold: { id: string } }>(PLACE, { bookId: book }, { token: waiter.token })
    ).data!.placeHold.id;

    // Staff may act for anyone, so only the unknown caller can be the reason for the refusal.
    const ghostLibrarian = await unknown('LIBRARIAN');
    expectUnknownMember(await t.request(RETURN, { loanId }, { token: ghostLibrarian.token }));
    expectUnknownMember(await t.request(RENEW, { loanId }, { token: ghostLibrarian.token }));
    expectUnknownMember(await t.request(CANCEL, { holdId }, { token: ghostLibrarian.token }));

    // Nothing changed: the waiter still cancels, then the owner renews and returns.
    expect((await t.request(CANCEL, { holdId }, { token: waiter.token })).errors).toBeUndefined();
    expect((await t.request(RENEW, { loanId }, { token: owner.token })).errors).toBeUndefined();
    expect((await t.request(RETURN, { loanId }, { token: owner.token })).errors).toBeUndefined();
  });

  it('lets an unknown member read (nothing to show), as an anonymous reader may', async () => {
    const ghost = await unknown();
    const read = await t.request<{ _entities: { loans: unknown[] }[] }>(
      LOANS,
      { reps: [{ __typename: 'Member', id: ghost.id }] },
      { token: ghost.token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?._entities[0]?.loans).toEqual([]);
  });

  it('lets a blocked member return and cancel, but not borrow, renew or place a hold', async () => {
    const [book, other] = [await aBook(2), await aBook(1)];
    const member = await registered();
    const loanId = (
      await t.request<{ borrowBooks: { id: string }[] }>(BORROW, { bookIds: [book] }, { token: member.token })
    ).data!.borrowBooks[0]!.id;
    const holder = await registered();
    await t.request(BORROW, { bookIds: [other] }, { token: holder.token });
    const holdId = (
      await t.request<{ placeHold: { id: string } }>(PLACE, { bookId: other }, { token: member.token })
    ).data!.placeHold.id;
    await t.deliver(
      createEvent('shelfmark.members.member-blocked.v1', member.id, {
        memberId: member.id,
        reason: 'Unpaid fines',
        blockedBy: 'lib',
      }),
    );

    expect(errorCode(await t.request(BORROW, { bookIds: [book] }, { token: member.token }))).toBe(
      'MEMBER_BLOCKED',
    );
    expect(errorCode(await t.request(RENEW, { loanId }, { token: member.token }))).toBe('MEMBER_BLOCKED');
    const librarian = await registered('LIBRARIAN');
    expect(errorCode(await t.request(RENEW, { loanId }, { token: librarian.token }))).toBe('MEMBER_BLOCKED');
    expect(errorCode(await t.request(PLACE, { bookId: book }, { token: member.token }))).toBe(
      'MEMBER_BLOCKED',
    );

    expect((await t.request(CANCEL, { holdId }, { token: member.token })).errors).toBeUndefined();
    expect((await t.request(RETURN, { loanId }, { token: member.token })).errors).toBeUndefined();
  });
});
