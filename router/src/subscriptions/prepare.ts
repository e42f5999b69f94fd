import { ErrorCode } from '@shelfmark/errors';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { OperationLimitExceeded } from '../guards';
import { rewriteSubscription, type RewrittenSubscription } from './rewrite';

export interface PrepareOptions {
  /** The router's limits as graphql-armor validation rules (the same as over HTTP). */
  readonly limitRules: readonly ValidationRule[];
  /** Production: no introspection, no field suggestions (as over HTTP). */
  readonly production: boolean;
}

export type Prepared =
  | { readonly subscription: RewrittenSubscription; readonly errors?: undefined }
  | { readonly errors: readonly GraphQLError[] };

/**
 * Checks a subscription the way the HTTP endpoint checks a query, before anything is subscribed:
 * valid against the API schema, within the depth, cost and alias limits, no introspection in
 * production, a subscription (queries and mutations go over HTTP), variables of the right types.
 * Each refusal is a GraphQLError with a documented code.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  options: PrepareOptions,
): Prepared {
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
  try {
    return { subscription: rewriteSubscription(schema, document, operation.name?.value, variables) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // The variables do not fit their declared types.
    return { errors: [new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT } })] };
  }
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
