import { issueToken, loadOrCreateKeys } from '@shelfmark/subgraph-kit';
import { errorCode, type GraphQLRequest, type GraphQLResponse } from '@shelfmark/testing';
import { BookPage, BorrowBooks, PlaceHold } from './operations';
import { startLibrary, type Library } from './support/library';
const POST_COMMENT = /* GraphQL */ `
  mutation PostComment($bookId: ID!, $body: String!) {
    postComment(bookId: $bookId, body: $body) {
      id
    }
  }
`;

/**
 * docs/adr/0010-who-may-act.md through the router: a token signed with the real key for a member id
 * members never registered (as a closed account's token would be) borrows, holds and comments nothing.
 */
describe('who may act, through the router (embedded)', () => {
  let library: Library;
  let request: GraphQLRequest;
  let bookId: string;

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-who-may-act-' });
    ({ request } = library);
    bookId = await library.addBook('Dune', 2);
  });
  afterAll(() => library.close());

  const expectUnknownMember = (response: GraphQLResponse<unknown>) => {
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.extensions?.['reason']).toBe('MEMBER_UNKNOWN');
  };

  it('regression: a valid token for an unknown member id borrows, holds and comments nothing', async () => {
    const ghost = await issueToken(
      { memberId: 'no-such-member', role: 'MEMBER' },
      loadOrCreateKeys(library.dataDir),
      600,
    );

    expectUnknownMember(await request(BorrowBooks, { bookIds: [bookId] }, { token: ghost }));
    expectUnknownMember(await request(PlaceHold, { bookId }, { token: ghost }));
    expectUnknownMember(await request(POST_COMMENT, { bookId, body: 'Boo' }, { token: ghost }));

    const book = (await request(BookPage, { id: bookId })).data!.book!;
    expect(book.availability).toMatchObject({ available: 2, onLoan: 0 });
    expect(book.rating).toEqual({ average: null, count: 0 });
  });

  it('lets a member who has just registered borrow and comment at once (no race on embedded)', async () => {
    const { token } = await library.registerReader('New Reader', 'new@library.test');
    expect((await request(BorrowBooks, { bookIds: [bookId] }, { token })).errors).toBeUndefined();
    expect(
      (await request(POST_COMMENT, { bookId, body: 'Great so far.' }, { token })).errors,
    ).toBeUndefined();
  });
});
