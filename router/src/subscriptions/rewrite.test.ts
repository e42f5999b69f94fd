import { buildSchema, parse } from 'graphql';
import { asSubscriptionPayload, rewriteSubscription, withVariables } from './rewrite';

const schema = buildSchema(`
  type Book { id: ID! title: String! }
  enum RankingWindow { ALL_TIME }
  type RankingEntry { rank: Int! }
  type Query { book(id: ID!): Book ranking(window: RankingWindow!, first: Int): [RankingEntry!]! }
  type Subscription {
    bookStatusChanged(bookId: ID!): Book
    rankingChanged(window: RankingWindow!, first: Int): [RankingEntry!]!
  }
`);

describe('a subscription rewritten as the query of one update', () => {
  it('asks the query field with the same selection, arguments renamed, and no alias of its own', () => {
    const rewritten = withVariables(
      rewriteSubscription(
        schema,
        parse(
          'subscription Status($id: ID!) { bookStatusChanged(bookId: $id) { t1: title ...F } } fragment F on Book { id }',
        ),
        undefined,
      ),
      { id: 'b1' },
    );
    expect(rewritten.query.replace(/\s+/g, ' ')).toBe(
      'query Status($id: ID!) { book(id: $id) { t1: title ...F } } fragment F on Book { id }',
    );
    expect(rewritten.trigger).toEqual({ kind: 'book', bookId: 'b1' });
    expect(rewritten.rename).toEqual({ from: 'book', to: 'bookStatusChanged' });
  });

  it('keeps the subscriber’s own alias, which needs no renaming', () => {
    const rewritten = withVariables(
      rewriteSubscription(
        schema,
        parse('subscription { board: rankingChanged(window: ALL_TIME, first: 3) { rank } }'),
        undefined,
      ),
      {},
    );
    expect(rewritten.query.replace(/\s+/g, ' ')).toBe(
      '{ board: ranking(window: ALL_TIME, first: 3) { rank } }',
    );
    expect(rewritten.trigger).toEqual({ kind: 'ranking' });
    expect(rewritten.rename).toBeUndefined();
  });

  it('gives the answer the subscription’s shape: data and error paths under the subscription field', () => {
    const rename = { rename: { from: 'book', to: 'bookStatusChanged' } };
    expect(
      asSubscriptionPayload(rename, {
        data: { book: { title: 'Dune', rating: null } },
        errors: [{ message: 'down', path: ['book', 'rating'] }, { message: 'no path' }],
      }),
    ).toEqual({
      data: { bookStatusChanged: { title: 'Dune', rating: null } },
      errors: [{ message: 'down', path: ['bookStatusChanged', 'rating'] }, { message: 'no path' }],
    });
    expect(asSubscriptionPayload(rename, { data: null, errors: [{ message: 'x' }] })).toEqual({
      data: null,
      errors: [{ message: 'x' }],
    });
  });
});
