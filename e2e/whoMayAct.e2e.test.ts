import { loadConfig, startEmbedded, type EmbeddedShelfmark } from '@shelfmark/launcher';
import { issueToken, loadOrCreateKeys } from '@shelfmark/subgraph-kit';
import {
  errorCode,
  graphqlClient,
  isbnFor,
  tempDir,
  type GraphQLRequest,
  type GraphQLResponse,
} from '@shelfmark/testing';
import { AddBook, AddCopies, BookPage, BorrowBooks, Login, PlaceHold, RegisterMember } from './operations';

const ADMIN = { email: 'admin@library.test', password: 'correct horse battery staple' };
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
  const dir = tempDir('shelfmark-who-may-act-');
  let shelfmark: EmbeddedShelfmark;
  let request: GraphQLRequest;
  let bookId: string;

  beforeAll(async () => {
    shelfmark = await startEmbedded(
      loadConfig({
        SHELFMARK_DATA_DIR: dir.path,
        PORT: '0',
        LOG_LEVEL: 'silent',
        SHELFMARK_ADMIN_EMAIL: ADMIN.email,
        SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    request = graphqlClient(shelfmark.url);
    const admin = (await request(Login, ADMIN)).data!.login.token;
    const added = await request(
      AddBook,
      { input: { isbn: isbnFor(424_242), title: 'Dune', authors: ['Frank Herbert'], subjects: ['fiction'] } },
      { token: admin },
    );
    bookId = added.data!.addBook.id;
    await request(AddCopies, { bookId, count: 2 }, { token: admin });
  });
  afterAll(async () => {
    await shelfmark.close();
    dir.cleanup();
  });

  const expectUnknownMember = (response: GraphQLResponse<unknown>) => {
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.extensions?.['reason']).toBe('MEMBER_UNKNOWN');
  };

  it('regression: a valid token for an unknown member id borrows, holds and comments nothing', async () => {
    const ghost = await issueToken(
      { memberId: 'no-such-member', role: 'MEMBER' },
      loadOrCreateKeys(dir.path),
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
    const registered = await request(RegisterMember, {
      input: { email: 'new@library.test', password: 'a long enough password', name: 'New Reader' },
    });
    const token = registered.data!.registerMember.token;
    expect((await request(BorrowBooks, { bookIds: [bookId] }, { token })).errors).toBeUndefined();
    expect(
      (await request(POST_COMMENT, { bookId, body: 'Great so far.' }, { token })).errors,
    ).toBeUndefined();
  });
});
