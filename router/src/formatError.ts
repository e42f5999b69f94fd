import { ErrorCode } from '@shelfmark/errors';
import type { Logger } from '@shelfmark/events';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { OperationLimitExceeded } from './guards';

/** Codes a client may see with their original message, whatever the environment. */
const PUBLIC_CODES = new Set<string>(
  Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
);
const GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** What graphql-js says when a document is too costly to validate, and what the client reads. */
const VALIDATION_ABORTED = 'Validation aborted.';
const TOO_LARGE_TO_CHECK =
  'This operation repeats too many fields or fragments to be checked. Ask for fewer fields, aliases or fragment spreads.';

/**
 * The router's error boundary. Subgraphs already speak in stable codes; the router keeps those,
 * turns a subgraph it could not reach into SERVICE_UNAVAILABLE naming that subgraph, and in
 * production masks anything else so no internal detail leaks.
 */
export function createRouterErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    // Apollo files a limit's refusal under GRAPHQL_VALIDATION_FAILED; the client gets its own code.
    if (error instanceof GraphQLError && error.originalError instanceof OperationLimitExceeded) {
      return {
        message: error.originalError.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: error.originalError.details,
      };
    }
    const extensions = formatted.extensions ?? {};
    const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
    // graphql-js gives up on a document whose fields or fragments would take too long to compare
    // (thousands of repeated fields) with a bare "Validation aborted.": say what to change.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === VALIDATION_ABORTED) {
      return {
        message: TOO_LARGE_TO_CHECK,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code },
      };
    }
    const serviceName = typeof extensions['serviceName'] === 'string' ? extensions['serviceName'] : undefined;
    if (code && (PUBLIC_CODES.has(code) || GRAPHQL_CODES.has(code))) {
      const { exception: _exception, stacktrace: _stacktrace, ...safe } = extensions;
      return { ...formatted, extensions: safe };
    }
    if (serviceName && isUnreachable(formatted.message)) {
      logger.warn({ subgraph: serviceName, err: formatted.message }, 'subgraph unreachable');
      return {
        message: `The ${serviceName} service is not answering right now. Please try again shortly.`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName },
      };
    }
    logger.error(
      { err: formatted.message, extensions, path: formatted.path },
      'unexpected error at the router',
    );
    if (!production) return formatted;
    return {
      message: 'Something went wrong on our side. It has been logged; please try again.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(serviceName ? { serviceName } : {}) },
    };
  };
}

function isUnreachable(message: string): boolean {
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|socket hang up|fetch failed|timed? ?out/i.test(
    message,
  );
}
