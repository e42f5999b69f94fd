import {
  Client,
  cacheExchange,
  fetchExchange,
  mapExchange,
  makeOperation,
  subscriptionExchange,
  type CombinedError,
} from '@urql/vue';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { auth } from './auth';

/** graphql-ws retries a socket closed with this (non-fatal) code, with fresh connectionParams. */
const RESTART = 4205;
/** What HTTP requests accept: one JSON answer (docs: GraphQL over HTTP). */
const JSON_ONLY = 'application/graphql-response+json, application/json';
/** The router's code for a refused or expired token (docs/errors.md, close codes). */
const FORBIDDEN = 4403;

/** What a test replaces: the HTTP transport and the WebSocket client. */
export interface ApiTransport {
  readonly fetch?: typeof fetch;
  readonly ws?: { client: Pick<WsClient, 'subscribe'>; restart(): void };
}

/**
 * The GraphQL client: queries and mutations over HTTP POST to /graphql, subscriptions over
 * graphql-ws on the same path, both as the signed-in member. A token the router refuses (HTTP 401,
 * or a WebSocket closed with 4403) ends the session: the member is sent to sign in again.
 */
export function createApiClient(
  location: Pick<Location, 'protocol' | 'host' | 'origin'> = window.location,
  transport: ApiTransport = {},
): Client {
  const ws =
    transport.ws ??
    restartableWsClient(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`);
  auth.onChange(() => ws.restart());
  return new Client({
    url: `${location.origin}/graphql`,
    ...(transport.fetch ? { fetch: transport.fetch } : {}),
    // POST, always: the router's CSRF prevention refuses a GET without a preflight header.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onOperation(operation) {
          const token = auth.token();
          return makeOperation(operation.kind, operation, {
            ...operation.context,
            fetchOptions: {
              headers: {
                // urql also lists text/event-stream, which the router takes for a GraphQL-over-SSE
                // request; queries and mutations want one JSON answer.
                accept: JSON_ONLY,
                ...(token ? { authorization: `Bearer ${token}` } : {}),
              },
            },
          });
        },
        onError(error) {
          if (isRefusedSession(error)) auth.expire(refusal(error));
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            // urql's sink takes what graphql-ws delivers; the types differ only in optionality.
            unsubscribe: ws.client.subscribe(
              { ...request, query: request.query ?? '' },
              sink as Parameters<WsClient['subscribe']>[1],
            ),
          }),
        }),
      }),
    ],
  });
}

/** A refused token: HTTP 401, or a signed-in request whose member is no longer known. */
function isRefusedSession(error: CombinedError): boolean {
  if (error.response instanceof Response && error.response.status === 401) return true;
  return error.graphQLErrors.some(
    (e) => e.extensions['code'] === 'UNAUTHENTICATED' && e.extensions['reason'] === 'MEMBER_UNKNOWN',
  );
}

function refusal(error: CombinedError): string | undefined {
  const message = error.graphQLErrors.find((e) => e.extensions['code'] === 'UNAUTHENTICATED')?.message;
  return message && /sign in/i.test(message) ? message : undefined;
}

/**
 * A graphql-ws client that can reconnect as someone else: `restart()` closes the socket with a
 * retryable code, and the retry sends the current token (graphql-ws's "restartable client" recipe).
 * Lazy: no socket while nothing is subscribed.
 */
function restartableWsClient(url: string): { client: WsClient; restart(): void } {
  let socket: WebSocket | undefined;
  const client = createWsClient({
    url,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: () => {
      const token = auth.token();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: (connected) => {
        socket = connected as WebSocket;
      },
      closed: (event) => {
        socket = undefined;
        const { code, reason } = event as CloseEvent;
        // The token expired or was refused: end the session; the retry connects without it.
        if (code === FORBIDDEN) auth.expire(reason || undefined);
      },
    },
  });
  return {
    client,
    restart() {
      if (socket?.readyState === WebSocket.OPEN) socket.close(RESTART, 'Client Restart');
    },
  };
}
