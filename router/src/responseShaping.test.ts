import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { computeResponse } from './responseShaping';

// The gateway's own, as shipped (installResponseShaping is not called here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gateway = require('@apollo/gateway/dist/resultShaping') as { computeResponse: typeof computeResponse };

const schema = buildSchema(`
  type Query { books: [Book!] shelf: Shelf item(id: ID!): Item count: Int }
  interface Item { id: ID! }
  type Book implements Item { id: ID! title: String! authors: [String!] copies: [Copy!]! }
  type Copy implements Item { id: ID! barcode: String! available: Boolean }
  type Shelf { name: String top: Book! }
`);

const input = {
  books: [
    {
      __typename: 'Book',
      id: 'b1',
      title: 'Dune',
      authors: ['Herbert'],
      copies: [{ id: 'c1', barcode: '001', available: true }],
    },
    {
      __typename: 'Book',
      id: 'b2',
      title: 'Emma',
      authors: null,
      copies: [{ id: 'c2', barcode: null, available: false }],
    },
  ],
  shelf: { name: 'Front', top: { id: 'b3', title: null, copies: [] } },
  item: { __typename: 'Copy', id: 'c9', barcode: '009', available: null },
  count: 'not a number',
};

const cases: [string, string, Record<string, unknown>][] = [
  [
    'aliases, fragments, type conditions and __typename',
    `query Q($id: ID!) { all: books { __typename id name: title ...F copies { ... on Copy { barcode } } }
       item(id: $id) { __typename id ... on Book { title } ... on Copy { code: barcode available } }
       kind: __typename }
     fragment F on Book { authors id }`,
    { id: 'c9' },
  ],
  [
    '@skip and @include, by variable and by constant',
    `query Q($yes: Boolean!, $no: Boolean = false) { books { id title @include(if: $yes) authors @skip(if: $yes)
       copies @include(if: $no) { id } } shelf @skip(if: false) { name } }`,
    { yes: true },
  ],
  [
    'response names Object.prototype also has',
    `{ books { constructor: title toString: id __proto__: id hasOwnProperty: authors valueOf: copies { id } } }`,
    {},
  ],
  [
    'a null in a non-null field nulls its parent, with an error, and a bad leaf value is an error',
    `{ books { copies { barcode } } shelf { name top { title } } count }`,
    {},
  ],
];

describe("the router's response shaping", () => {
  it.each(cases)('answers what the gateway answers: %s', (_name, query, variables) => {
    const operation = operationFromDocument(schema, parse(query));
    const introspectionHandling = () => null;
    const ours = computeResponse({ operation, variables, input, introspectionHandling });
    const theirs = gateway.computeResponse({ operation, variables, input, introspectionHandling });
    expect(JSON.parse(JSON.stringify(ours.data))).toEqual(JSON.parse(JSON.stringify(theirs.data)));
    expect(ours.errors.map((e) => [e.message, e.path])).toEqual(
      theirs.errors.map((e) => [e.message, e.path]),
    );
    // And the same again from the shaping kept for this operation.
    const again = computeResponse({ operation, variables, input, introspectionHandling });
    expect(JSON.stringify(again.data)).toBe(JSON.stringify(ours.data));
  });

  it('keeps response names Object.prototype also has as own fields, __proto__ never a prototype', () => {
    const operation = operationFromDocument(schema, parse(cases[2]![1]));
    // The executor's merged answer is keyed by response name, as the subgraphs answered.
    const merged = JSON.parse(
      '{"books":[{"constructor":"Dune","toString":"b1","__proto__":"b1","hasOwnProperty":["H"],"valueOf":[{"id":"c1"}]}]}',
    ) as Record<string, unknown>;
    const introspectionHandling = () => null;
    const { data, errors } = computeResponse({ operation, input: merged, introspectionHandling });
    expect(errors).toEqual([]);
    const first = (data!['books'] as Record<string, unknown>[])[0]!;
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(JSON.stringify(data)).toBe(
      '{"books":[{"constructor":"Dune","toString":"b1","__proto__":"b1","hasOwnProperty":["H"],"valueOf":[{"id":"c1"}]}]}',
    );
    const theirs = gateway.computeResponse({ operation, input: merged, introspectionHandling });
    expect(JSON.stringify(data)).toBe(JSON.stringify(theirs.data));
  });

  it('the third case really has errors and nulls (the comparison is not vacuous)', () => {
    const operation = operationFromDocument(schema, parse(cases[3]![1]));
    const { data, errors } = computeResponse({ operation, input, introspectionHandling: () => null });
    expect(errors).toHaveLength(3);
    expect(data).toEqual({ books: null, shelf: null, count: null });
  });
});
