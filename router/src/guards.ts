import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode } from '@shelfmark/errors';
import type { Logger } from '@shelfmark/events';
import { GraphQLError, Kind, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import type { RouterContext } from './context';
import type { QueryLimits } from './createRouter';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/** Which of the router's operation limits an operation passed. */
export type OperationLimit = 'depth' | 'cost' | 'aliases';

/**
 * An operation refused before any subgraph is called because it passes one of the limits.
 * Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED; the router's error formatter
 * recognises this class inside and answers OPERATION_LIMIT_EXCEEDED, naming the limit.
 */
export class OperationLimitExceeded extends GraphQLError {
  constructor(
    readonly limit: OperationLimit,
    readonly max: number,
    readonly found: number | undefined,
  ) {
    super(describe(limit, max, found));
  }

  /** The extensions a client sees. */
  get details(): Record<string, unknown> {
    return {
      code: ErrorCode.OPERATION_LIMIT_EXCEEDED,
      limit: this.limit,
      max: this.max,
      ...(this.found === undefined ? {} : { found: this.found }),
    };
  }
}

function describe(limit: OperationLimit, max: number, found: number | undefined): string {
  switch (limit) {
    case 'depth':
      return `This operation is nested ${found ?? `more than ${max}`} levels deep; the limit is ${max}. Ask for fewer nested fields.`;
    case 'cost':
      return `This operation would cost ${found ?? `more than ${max}`} to answer; the limit is ${max}. Ask for smaller pages or fewer fields.`;
    case 'aliases':
      return `This operation uses ${found ?? `more than ${max}`} aliases; the limit is ${max}. Every alias counts, __typename's too.`;
  }
}

/**
 * graphql-armor's depth, cost and alias rules, each reporting an {@link OperationLimitExceeded}
 * instead of armor's own "Syntax Error: ..." (these are not syntax errors). Its alias rule counts
 * aliases of every field, through fragments each time they are spread; its default allow-list
 * exempts `__typename`, which let an operation ask for hundreds of them, so it is emptied here.
 */
export function armorLimits(limits: QueryLimits): Pick<ArmorConfig, 'maxDepth' | 'costLimit' | 'maxAliases'> {
  // armor says how much it found only in its message; the number is a courtesy, so a message
  // that no longer carries it just leaves `found` out.
  const refuse = (limit: OperationLimit, max: number) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(
          new OperationLimitExceeded(limit, max, found === undefined ? undefined : Number(found)),
        );
      },
    ],
  });
  return {
    maxDepth: { n: limits.maxDepth, ...refuse('depth', limits.maxDepth) },
    costLimit: { maxCost: limits.maxCost, ...refuse('cost', limits.maxCost) },
    maxAliases: { n: limits.maxAliases, allowList: [], ...refuse('aliases', limits.maxAliases) },
  };
}

/**
 * A document whose operation cannot be chosen (an `operationName` naming none of its operations,
 * or several operations and no name) is the client's mistake. Apollo leaves it to the gateway,
 * which throws INVALID_GRAPHQL — an HTTP 500 with a stack trace. Refused here instead, before
 * execution: HTTP 400, OPERATION_RESOLUTION_FAILURE, and a sentence that says what to send.
 */
export function resolveOperationOrRefuse(): ApolloServerPlugin<RouterContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation, request, document }) => {
          if (operation) return Promise.resolve();
          const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
          const message = request.operationName
            ? `This document has no operation named ${JSON.stringify(request.operationName)}.`
            : operations.length > 1
              ? `This document has ${operations.length} operations; name the one to run in "operationName".`
              : 'This document has no operation to run.';
          throw new GraphQLError(message, {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        },
      }),
  };
}

/**
 * When a subgraph answers null for something that may not be null (typically an entity it no
 * longer knows) without saying why, the gateway lets the null bubble up to the nearest nullable
 * field and reports the reason only under `extensions.valueCompletion`, with no `errors`: a
 * mutation that did its write could answer `data: null` and nothing else. Every such reason
 * becomes a NOT_FOUND error at its path, so a client always has an error it can read.
 */
export function reportMissingValues(logger: Logger): ApolloServerPlugin<RouterContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          if (response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          const { valueCompletion, ...extensions } = result.extensions ?? {};
          if (!Array.isArray(valueCompletion) || valueCompletion.length === 0) return Promise.resolve();
          logger.warn({ valueCompletion }, 'a subgraph answered null for a non-null field');
          const missing = (valueCompletion as { path?: readonly (string | number)[] }[]).map(
            ({ path }): GraphQLFormattedError => ({
              message: `Part of this answer could not be found${path ? ` (at ${path.join('.')})` : ''}: what it refers to may no longer exist.`,
              ...(path ? { path } : {}),
              extensions: { code: ErrorCode.NOT_FOUND },
            }),
          );
          const { extensions: _dropped, ...rest } = result;
          response.body = {
            kind: 'single',
            singleResult: {
              ...rest,
              errors: [...(result.errors ?? []), ...missing],
              ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
            },
          };
          return Promise.resolve();
        },
      }),
  };
}

/**
 * A refusal because the client is going too fast (TOO_MANY_REQUESTS, e.g. sign-in throttling in
 * members) is answered as HTTP 429 with a `Retry-After` header, so HTTP clients, proxies and load
 * balancers understand it without reading the body. The subgraph cannot set the status itself:
 * the gateway would take a 429 from it for a broken subgraph and lose the code. Only an answer
 * with no data at all is turned into a 429; a partial answer keeps its 200.
 */
export function answerThrottledWith429(): ApolloServerPlugin<RouterContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          if (response.body.kind !== 'single') return Promise.resolve();
          const { data, errors } = response.body.singleResult;
          if (data && Object.values(data).some((value) => value !== null)) return Promise.resolve();
          const throttled = (errors ?? []).filter(
            (error) => error.extensions?.['code'] === ErrorCode.TOO_MANY_REQUESTS,
          );
          if (throttled.length === 0) return Promise.resolve();
          const seconds = Math.max(
            1,
            ...throttled.map((error) => Number(error.extensions?.['retryAfterSeconds']) || 1),
          );
          response.http.status = 429;
          response.http.headers.set('retry-after', String(Math.ceil(seconds)));
          return Promise.resolve();
        },
      }),
  };
}
