import { ErrorCode } from '@shelfmark/errors';
import {
  GraphQLError,
  Kind,
  parse,
  OperationTypeNode,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { OperationLimitExceeded } from '../guards';
import {
  rewriteSubscription,
  withVariables,
  type RewrittenSubscription,
  type SubscriptionTemplate,
} from './rewrite';

export interface PrepareOptions {
  /** The router's limits as graphql-armor validation rules (the same as over HTTP). */
  readonly limitRules: readonly ValidationRule[];
  /** Production: no introspection, no field suggestions (as over HTTP). */
  readonly production: boolean;
}

export type Prepared =
  | {
      readonly document: DocumentNode;
      readonly subscription: RewrittenSubscription;
      readonly errors?: undefined;
    }
  | { readonly errors: readonly GraphQLError[] };

/** What one document gives, whatever the variables: the refusal, or the parsed document and its template. */
type Checked =
  | { readonly document: DocumentNode; readonly template: SubscriptionTemplate; readonly errors?: undefined }
  | { readonly errors: readonly GraphQLError[] };

/**
 * Checks a subscription the way the HTTP endpoint checks a query, before anything is subscribed:
 * it parses, valid against the API schema, within the depth, cost and alias limits, no
 * introspection in production, a subscription (queries and mutations go over HTTP), variables of
 * the right types. Each refusal is a GraphQLError with a documented code.
 *
 * Parsing, validation and the rewrite depend on the document alone and cost about a millisecond
 * (validation against the whole API schema): they are done once per document and kept (a bounded
 * cache, dropped when the schema changes), as Apollo caches parsed and validated queries. Only the
 * variables are checked per subscriber: 10,000 subscribers of one board cost one validation.
 */
export class SubscriptionPreparer {
  private readonly checked = new Map<string, Checked>();
  private schema: GraphQLSchema | undefined;

  constructor(
    private readonly options: PrepareOptions,
    /** Documents kept; the least recently used is dropped first. */
    private readonly capacity = 1_000,
  ) {}

  prepare(
    schema: GraphQLSchema,
    query: string,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): Prepared {
    const checked = this.check(schema, query, operationName);
    if (checked.errors) return checked;
    try {
      return { document: checked.document, subscription: withVariables(checked.template, variables ?? {}) };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      // The variables do not fit their declared types.
      return {
        errors: [new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT } })],
      };
    }
  }

  private check(schema: GraphQLSchema, query: string, operationName: string | null | undefined): Checked {
    if (schema !== this.schema) {
      this.checked.clear();
      this.schema = schema;
    }
    const key = `${operationName ?? ''}\n${query}`;
    const known = this.checked.get(key);
    if (known) {
      // Most recently used last, so the oldest is first in line to go.
      this.checked.delete(key);
      this.checked.set(key, known);
      return known;
    }
    const checked = checkDocument(schema, query, operationName, this.options);
    this.checked.set(key, checked);
    if (this.checked.size > this.capacity) this.checked.delete(this.checked.keys().next().value!);
    return checked;
  }
}

function checkDocument(
  schema: GraphQLSchema,
  query: string,
  operationName: string | null | undefined,
  options: PrepareOptions,
): Checked {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return {
      errors: [
        new GraphQLError(error instanceof GraphQLError ? error.message : 'The query could not be parsed.', {
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ],
    };
  }
  const rules = [
    ...specifiedRules,
    ...options.limitRules,
    ...(options.production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  const invalid = validate(schema, document, rules);
  if (invalid.length > 0) return { errors: invalid.map((error) => refusal(error, options.production)) };

  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) {
    return {
      errors: [
        new GraphQLError(
          operationName
            ? `This document has no operation named ${JSON.stringify(operationName)}.`
            : `This document has ${operations.length} operations; name the one to run in "operationName".`,
          { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
        ),
      ],
    };
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return {
      errors: [
        new GraphQLError(
          `Only subscriptions are served here; send this ${operation.operation} as an HTTP POST to /graphql.`,
          { extensions: { code: 'BAD_REQUEST' } },
        ),
      ],
    };
  }
  return { document, template: rewriteSubscription(schema, document, operation.name?.value) };
}

function refusal(error: GraphQLError, production: boolean): GraphQLError {
  if (error.originalError instanceof OperationLimitExceeded || error instanceof OperationLimitExceeded) {
    const limit =
      error instanceof OperationLimitExceeded ? error : (error.originalError as OperationLimitExceeded);
    return new GraphQLError(limit.message, { extensions: limit.details });
  }
  // Suggestions ("Did you mean ...?") help while developing and leak the schema in production.
  const message = production ? error.message.replace(/\s*Did you mean .*$/, '') : error.message;
  return new GraphQLError(message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}
