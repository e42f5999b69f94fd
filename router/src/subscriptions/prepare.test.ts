import { buildSchema, type ValidationRule } from 'graphql';
import { SubscriptionPreparer, type Prepared } from './prepare';

const SDL = `
  type Book { id: ID! title: String! }
  type Query { book(id: ID!): Book }
  type Subscription { bookStatusChanged(bookId: ID!): Book }
`;
const STATUS = 'subscription S($id: ID!) { bookStatusChanged(bookId: $id) { title } }';

/** A preparer whose limit rule counts how many times a document is validated. */
function counting(capacity?: number) {
  const validations = { count: 0 };
  const rule: ValidationRule = () => {
    validations.count += 1;
    return {};
  };
  return {
    preparer: new SubscriptionPreparer({ limitRules: [rule], production: false }, capacity),
    validations,
  };
}

/** The accepted subscription; fails the test with the refusal otherwise. */
function accepted(prepared: Prepared) {
  if (prepared.errors) throw new Error(prepared.errors.map((e) => e.message).join('; '));
  return prepared;
}

describe('preparing subscriptions once per document', () => {
  const schema = buildSchema(SDL);

  it('validates a document once, and reads each subscriber’s variables', () => {
    const { preparer, validations } = counting();
    const first = accepted(preparer.prepare(schema, STATUS, undefined, { id: 'b1' }));
    const second = accepted(preparer.prepare(schema, STATUS, undefined, { id: 'b2' }));
    expect(validations.count).toBe(1);
    expect(first.subscription.trigger).toEqual({ kind: 'book', bookId: 'b1' });
    expect(second.subscription.trigger).toEqual({ kind: 'book', bookId: 'b2' });
    expect(second.document).toBe(first.document);
  });

  it('refuses variables that do not fit, per subscriber, with BAD_USER_INPUT', () => {
    const { preparer } = counting();
    expect(preparer.prepare(schema, STATUS, undefined, { id: 'b1' }).errors).toBeUndefined();
    const refused = preparer.prepare(schema, STATUS, undefined, {});
    expect(refused.errors?.map((e) => e.extensions['code'])).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps a refusal too: an invalid document is not validated again', () => {
    const { preparer, validations } = counting();
    const bad = 'subscription { bookStatusChanged(bookId: "x") { nope } }';
    expect(preparer.prepare(schema, bad, undefined, {}).errors?.[0]?.extensions['code']).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(preparer.prepare(schema, bad, undefined, {}).errors).toHaveLength(1);
    expect(validations.count).toBe(1);
    expect(preparer.prepare(schema, 'subscription {', undefined, {}).errors?.[0]?.extensions['code']).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
  });

  it('validates again against a new schema, and forgets the least recently used document past its capacity', () => {
    const { preparer, validations } = counting(1);
    preparer.prepare(schema, STATUS, undefined, { id: 'b1' });
    preparer.prepare(buildSchema(SDL), STATUS, undefined, { id: 'b1' });
    expect(validations.count).toBe(2);
    const other = 'subscription T($id: ID!) { bookStatusChanged(bookId: $id) { id } }';
    const current = buildSchema(SDL);
    preparer.prepare(current, STATUS, undefined, { id: 'b1' });
    preparer.prepare(current, other, undefined, { id: 'b1' });
    preparer.prepare(current, STATUS, undefined, { id: 'b1' });
    expect(validations.count).toBe(5);
  });
});
