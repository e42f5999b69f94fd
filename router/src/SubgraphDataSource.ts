import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode } from '@shelfmark/errors';
import { isConnectionReset, subgraphFetchTimer } from '@shelfmark/subgraph-kit';
import { getOperationAST, GraphQLError, OperationTypeNode, parse } from 'graphql';
import { STATUS_CODES } from 'node:http';
import type { Agent, Dispatcher } from 'undici';
import type { RouterContext } from './context';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<RouterContext>['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<RouterContext>;

/**
 * How the router calls a subgraph: it forwards the caller's (already verified) token, so each
 * subgraph checks identity itself and enforces its own rules, plus the request id and the trace.
 * A subgraph that cannot be reached is reported as SERVICE_UNAVAILABLE naming it, so a client
 * gets the rest of its answer and knows what is missing.
 *
 * The request goes out with undici's `request()` on the router's keep-alive pool — no WHATWG
 * fetch, Request, Headers or body streams per call (they were most of the router's per-fetch cost
 * under load, docs/benchmarks.md "Gateway") — and answers what @apollo/gateway's
 * RemoteGraphQLDataSource would: the subgraph's body, `${status}: ${statusText}` for an answer
 * that is not a success (401 UNAUTHENTICATED, 403 FORBIDDEN), and its cache-control hint.
 */
export class SubgraphDataSource implements GraphQLDataSource<RouterContext> {
  private readonly origin: string;
  private readonly path: string;
  /** shelfmark_subgraph_fetch_duration_seconds, its label children made once. */
  private readonly fetches: ReturnType<typeof subgraphFetchTimer>;

  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly agent: Agent,
  ) {
    const parsed = new URL(url);
    this.origin = parsed.origin;
    this.path = `${parsed.pathname}${parsed.search}`;
    this.fetches = subgraphFetchTimer(subgraph);
  }

  /** The headers of a request to a subgraph, set on `request.http.headers` (kept for callers that build their own). */
  willSendRequest({ request, context }: ProcessOptions): void {
    const headers = request.http?.headers;
    if (!headers) return;
    for (const [name, value] of Object.entries(subgraphHeaders(context))) headers.set(name, value);
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      ...(request.extensions ? { extensions: request.extensions } : {}),
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...subgraphHeaders(context),
    };
    // The gateway's own headers for this fetch (e.g. asking for a federated trace), if any.
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name] ??= value;
    let response: Dispatcher.ResponseData;
    const started = performance.now();
    try {
      response = await this.send(headers, body, request.query, request.operationName);
    } catch (error) {
      this.fetches.error(started);
      // No response at all: the subgraph is down or unreachable (not a GraphQL error it returned).
      throw new GraphQLError(
        `The ${this.subgraph} service is not answering right now. Please try again shortly.`,
        {
          originalError: error instanceof Error ? error : new Error(String(error)),
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.subgraph },
        },
      );
    }
    const { statusCode } = response;
    const contentType = header(response.headers, 'content-type') ?? '';
    const json =
      contentType.startsWith('application/json') ||
      contentType.startsWith('application/graphql-response+json');
    const parsed: unknown = json ? await response.body.json() : await response.body.text();
    (statusCode >= 200 && statusCode < 300 ? this.fetches.ok : this.fetches.error)(started);
    if (statusCode < 200 || statusCode >= 300) {
      const statusText = STATUS_CODES[statusCode] ?? '';
      throw new GraphQLError(`${statusCode}: ${statusText}`, {
        extensions: {
          response: { url: this.url, status: statusCode, statusText, body: parsed },
          ...(statusCode === 401
            ? { code: 'UNAUTHENTICATED' }
            : statusCode === 403
              ? { code: 'FORBIDDEN' }
              : {}),
        },
      });
    }
    if (typeof parsed !== 'object' || parsed === null)
      throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    restrictCachePolicy(options, header(response.headers, 'cache-control'));
    return parsed;
  }

  /**
   * The pool lets idle sockets go before the subgraphs' servers close them (see keepAliveAgent),
   * and a query whose connection was reset before any answer is sent once more: a query changes
   * nothing, so sending it twice is safe. A mutation is never re-sent — the subgraph may have
   * applied it.
   */
  private async send(
    headers: Record<string, string>,
    body: string,
    query: string,
    operationName: string | undefined,
  ): Promise<Dispatcher.ResponseData> {
    const request = () =>
      this.agent.request({ origin: this.origin, path: this.path, method: 'POST', headers, body });
    try {
      return await request();
    } catch (error) {
      if (!isConnectionReset(error) || !isQuery(query, operationName)) throw error;
      return request();
    }
  }
}

/**
 * The headers the router sends a subgraph for a request: the request id, the caller's verified
 * token, the trace and the client's address (set, never appended: a client's own X-Forwarded-For
 * does not reach a subgraph). Health checks and schema loading run without a request context.
 */
function subgraphHeaders(context: Partial<RouterContext> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!context) return headers;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  if (context.token) headers['authorization'] = `Bearer ${context.token}`;
  if (context.traceparent) headers['traceparent'] = context.traceparent;
  if (context.clientAddress) headers['x-forwarded-for'] = context.clientAddress;
  return headers;
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * As RemoteGraphQLDataSource does: a subgraph's Cache-Control narrows the response's cache policy
 * (no header at all: max-age 0).
 */
function restrictCachePolicy(options: ProcessOptions, cacheControl: string | undefined): void {
  // Only an incoming operation has a policy; health checks and schema loading have none.
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy as
    { restrict?: (hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }) => void } | undefined;
  if (!policy?.restrict) return;
  const directives = new Map(
    (cacheControl ?? '').split(',').map((part) => {
      const [name = '', value] = part.trim().split('=');
      return [name.toLowerCase(), value] as const;
    }),
  );
  const maxAge = directives.get('max-age');
  policy.restrict({
    maxAge: maxAge && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.has('private') ? { scope: 'PRIVATE' as const } : {}),
    ...(directives.has('public') ? { scope: 'PUBLIC' as const } : {}),
  });
}

/** Whether a subgraph request is a query (entity fetches included), read only on failure. */
function isQuery(query: string, operationName: string | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName)?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}
