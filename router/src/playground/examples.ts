/** One tab GraphiQL opens with: its document, variables and headers, as the editors show them. */
export interface ExampleTab {
  readonly query: string;
  readonly variables: string;
  readonly headers: string;
}

/**
 * The Authorization header each tab starts with: empty counts as signed out (an empty header is
 * no token), and it is there to be filled in with `Bearer <token>`. The playground sends it with
 * every HTTP request and as `connectionParams.authorization` of a WebSocket.
 */
export const DEFAULT_HEADERS = json({ authorization: '' });

/**
 * The operations the playground opens with, one tab each: searching the catalogue, signing in
 * and borrowing, and the two subscriptions (the live ranking board and a book's status). Field
 * and operation names are the API's (schema/api.graphql, e2e/operations.ts).
 */
export const EXAMPLE_TABS: readonly ExampleTab[] = [
  {
    query: `# Search the catalogue by title, author or ISBN,
# optionally within a subject. Anyone may search:
# press the run button (or Ctrl-Enter).
query SearchBooks($search: String, $subject: String, $first: Int = 10) {
  books(search: $search, subject: $subject, first: $first) {
    totalCount
    edges {
      node {
        id
        title
        authors
        subjects
        publishedYear
        availability {
          available
          total
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`,
    variables: json({ search: null, subject: null }),
    headers: DEFAULT_HEADERS,
  },
  {
    query: `# Borrowing needs a signed-in member:
# 1. run RegisterMember (a new account) or Login;
# 2. copy its token into Headers:
#    { "authorization": "Bearer <token>" }
# 3. put book ids from SearchBooks into bookIds
#    and run BorrowBooks (all or nothing).
mutation RegisterMember($input: RegisterMemberInput!) {
  registerMember(input: $input) {
    token
    member {
      id
      name
      points
    }
  }
}

mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    member {
      id
      name
      points
    }
  }
}

mutation BorrowBooks($bookIds: [ID!]!) {
  borrowBooks(bookIds: $bookIds) {
    id
    status
    dueAt
    book {
      id
      title
    }
    copy {
      barcode
    }
  }
}
`,
    variables: json({
      input: { email: 'reader@example.org', password: 'a long enough password', name: 'A Reader' },
      email: 'reader@example.org',
      password: 'a long enough password',
      bookIds: [],
    }),
    headers: DEFAULT_HEADERS,
  },
  {
    query: `# The live ranking board: the most borrowed books,
# pushed again whenever the ranking changes (over
# graphql-ws on this same /graphql). Borrow a book in
# another tab to see it move; stop ends it.
subscription RankingChanged($window: RankingWindow! = ALL_TIME, $first: Int = 10) {
  rankingChanged(window: $window, first: $first) {
    rank
    borrowCount
    book {
      id
      title
      authors
    }
  }
}
`,
    variables: json({ window: 'ALL_TIME', first: 10 }),
    headers: DEFAULT_HEADERS,
  },
  {
    query: `# A book's availability, pushed whenever it changes
# (a borrow, a return, the hold shelf, copies added or
# withdrawn). Put a book id from SearchBooks in bookId.
subscription BookStatusChanged($bookId: ID!) {
  bookStatusChanged(bookId: $bookId) {
    id
    title
    availability {
      total
      available
      onLoan
      onHoldShelf
    }
  }
}
`,
    variables: json({ bookId: 'a book id from SearchBooks' }),
    headers: DEFAULT_HEADERS,
  },
];

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
