import { startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { catalogueSubgraph } from '../src';

const ADD_BOOK = /* GraphQL */ `
  mutation AddBook($input: AddBookInput!) {
    addBook(input: $input) {
      id
    }
  }
`;
const BOOKS = /* GraphQL */ `
  query Books($search: String, $subject: String) {
    books(search: $search, subject: $subject, first: 50) {
      totalCount
      edges {
        node {
          title
        }
      }
    }
  }
`;

type BooksData = { books: { totalCount: number; edges: { node: { title: string } }[] } };

/** A valid ISBN-13 for a serial number (the check digit computed). */
function isbn(serial: number): string {
  const body = `978${String(serial).padStart(9, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const TITLES = [
  '50% Off Everything',
  '500 Days of Summer',
  'Snake_case Considered',
  'Snakes and Ladders',
  'Back\\slash Stories',
  'Backslash Without One',
  'Plain Title',
];

describe('catalogue search takes wildcards literally', () => {
  let t: TestSubgraph;

  beforeAll(async () => {
    t = await startTestSubgraph(catalogueSubgraph());
    const librarian = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' });
    for (const [i, title] of TITLES.entries()) {
      const res = await t.request(
        ADD_BOOK,
        { input: { isbn: isbn(4200 + i), title, authors: ['A. Writer'], subjects: ['odd_ities%'] } },
        { token: librarian },
      );
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => t.stop());

  const titlesFor = async (variables: Record<string, string>) => {
    const res = await t.request(BOOKS, variables);
    expect(res.errors).toBeUndefined();
    const { books } = res.data as BooksData;
    return { titles: books.edges.map((edge) => edge.node.title).sort(), totalCount: books.totalCount };
  };

  it.each([
    ['%', ['50% Off Everything']],
    ['_', ['Snake_case Considered']],
    ['\\', ['Back\\slash Stories']],
    ['50%', ['50% Off Everything']],
    ['snake_', ['Snake_case Considered']],
    ['back\\slash', ['Back\\slash Stories']],
    ['%%', []],
    ['.*', []],
  ])('regression: searching %j finds only titles containing it literally', async (search, expected) => {
    expect(await titlesFor({ search })).toEqual({ titles: expected, totalCount: expected.length });
  });

  it('still finds by plain words, case-insensitively', async () => {
    expect((await titlesFor({ search: 'SNAKE' })).titles).toEqual([
      'Snake_case Considered',
      'Snakes and Ladders',
    ]);
  });

  it('regression: a subject with wildcards is matched literally too', async () => {
    expect((await titlesFor({ subject: 'odd_ities%' })).totalCount).toBe(TITLES.length);
    expect((await titlesFor({ subject: 'oddXities%' })).totalCount).toBe(0);
    expect((await titlesFor({ subject: '%' })).totalCount).toBe(0);
  });
});
