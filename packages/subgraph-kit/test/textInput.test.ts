import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { findUnacceptableText, unacceptableText } from '../src/graphql/textInput';

const schema = buildSchema(/* GraphQL */ `
  scalar _Any
  input Details {
    note: String
    tags: [String!]
  }
  input BookInput {
    title: String!
    authors: [String!]!
    details: Details
  }
  type Query {
    search(text: String, first: Int): [String!]!
    byId(id: ID!): String
    entities(representations: [_Any!]!): [String]!
  }
  type Mutation {
    add(input: BookInput!): String
  }
`);

function check(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return findUnacceptableText(schema, document, operation, variables);
}

describe('unacceptableText', () => {
  it.each([
    ['a NUL', 'a\u0000b', 'U+0000'],
    ['a bell', '\u0007', 'U+0007'],
    ['an escape', 'x\u001b[31m', 'U+001B'],
    ['a DEL', '\u007f', 'U+007F'],
    ['a C1 control', 'a\u0085', 'U+0085'],
    ['a lone high surrogate', 'a\ud800b', 'U+D800'],
    ['a lone low surrogate', '\udc00', 'U+DC00'],
  ])('refuses %s in a String', (_name, text, code) => {
    expect(unacceptableText(text, 'String')).toContain(code);
  });

  it.each(['Dune', 'Ünïcödé 书 😀', 'line one\nline two\r\n\tindented', '', '50% of_\\'])(
    'accepts %j in a String',
    (text) => {
      expect(unacceptableText(text, 'String')).toBeNull();
    },
  );

  it('refuses tab and line breaks in an ID, which is one token', () => {
    expect(unacceptableText('abc\n', 'ID')).toContain('U+000A');
    expect(unacceptableText('a\tb', 'ID')).toContain('U+0009');
    expect(unacceptableText('0f9c-11', 'ID')).toBeNull();
  });
});

describe('findUnacceptableText', () => {
  it('names a literal argument and says what is wrong, as BAD_USER_INPUT', () => {
    const error = check('{ search(text: "a\\u0000b") }');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(error?.message).toBe(
      'The argument "text" contains a control character (U+0000). That cannot be part of the text; please remove it and try again.',
    );
  });

  it('finds a variable, naming the argument it fills rather than the variable', () => {
    const error = check('query ($q: String) { search(text: $q) }', { q: '\u0000' });
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(error?.message).toMatch(/"text"/);
  });

  it('finds literals in nested input objects and lists', () => {
    expect(check('mutation { add(input: { title: "t", authors: ["a", "b\\u0001"] }) }')?.message).toMatch(
      /"input\.authors" contains a control character \(U\+0001\)/,
    );
    expect(
      check('mutation { add(input: { title: "t", authors: [], details: { note: "\\u0000" } }) }')?.message,
    ).toMatch(/"input\.details\.note"/);
  });

  it('finds variables in nested input objects and lists', () => {
    const query = 'mutation ($input: BookInput!) { add(input: $input) }';
    expect(check(query, { input: { title: 'ok', authors: ['ok', 'x\u0000'] } })?.message).toMatch(
      /"input\.authors"/,
    );
    expect(
      check(query, { input: { title: 'ok', authors: [], details: { tags: ['\ud800'] } } })?.message,
    ).toMatch(/"input\.details\.tags" contains half of a character \(U\+D800\)/);
    expect(check(query, { input: { title: 'x\u0000', authors: [] } })?.extensions?.['field']).toBe('title');
  });

  it('finds a variable through a fragment and in a variable default', () => {
    expect(
      check('query ($id: ID!) { ...F } fragment F on Query { byId(id: $id) }', { id: 'a\nb' })?.message,
    ).toMatch(/"id"/);
    expect(check('query ($q: String = "\\u0000") { search(text: $q) }')?.message).toMatch(/"\$q"/);
  });

  it('passes good text, other scalars and entity representations', () => {
    expect(check('{ search(text: "Dune\\nMessiah", first: 3) }')).toBeNull();
    expect(
      check('mutation ($input: BookInput!) { add(input: $input) }', {
        input: { title: 'Le Petit Prince', authors: ['Antoine'], details: { note: 'two\nlines\ttabbed' } },
      }),
    ).toBeNull();
    expect(
      check('query ($r: [_Any!]!) { entities(representations: $r) }', {
        r: [{ __typename: 'B', id: 'x\u0000' }],
      }),
    ).toBeNull();
  });
});
