import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import { ConcurrentChange, DomainError, ErrorCode } from '@shelfmark/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '@shelfmark/events';
import { loggableError } from '../observability/redaction';

/**
 * The one error boundary of a subgraph. Domain errors become their stable code with their
 * person-readable message; errors GraphQL itself raised (parse, validation, bad variables) keep
 * theirs; anything else is unexpected: logged with its cause, shown as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger, subgraph: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof OptimisticLockError) return domain(formatted, new ConcurrentChange());
    if (original instanceof DomainError) return domain(formatted, original);
    const code = formatted.extensions?.['code'];
    // Parse, validation and variable errors are GraphQLErrors, sometimes wrapping another GraphQLError.
    const raisedByGraphQL =
      original instanceof GraphQLError &&
      (original.originalError === undefined || original.originalError instanceof GraphQLError);
    if (raisedByGraphQL && typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        // `field` names the argument a check before execution refused (textInput.ts).
        extensions: {
          code,
          ...(formatted.extensions?.['field'] ? { field: formatted.extensions['field'] } : {}),
        },
      };
    }
    // Logged as loggableError shapes it, whatever logger this is: a driver error's message is the
    // failed statement with its values (a member's e-mail and password hash in an INSERT).
    logger.error({ err: loggableError(original), subgraph, path: formatted.path }, 'unexpected error');
    return {
      message: 'Something went wrong on our side. It has been logged; please try again.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function domain(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  return {
    message: error.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: error.code, ...error.details },
  };
}
