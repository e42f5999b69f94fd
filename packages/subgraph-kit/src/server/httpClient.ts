import { Agent } from 'undici';
import { CLIENT_KEEP_ALIVE_TIMEOUT_MS } from './httpServer';

/**
 * The connection pool for calls between Shelfmark processes (router → subgraph, subgraph → peer).
 * Idle sockets are let go after {@link CLIENT_KEEP_ALIVE_TIMEOUT_MS}, well before the servers close
 * them, so a request is never written to a socket the server is closing at that moment.
 */
export function keepAliveAgent(options: Agent.Options = {}): Agent {
  return new Agent({
    keepAliveTimeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
    keepAliveMaxTimeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
    ...options,
  });
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * Whether a fetch failed because the connection was closed or reset under the request (the
 * server never answered it), as opposed to a refused connection, a timeout or an answer.
 */
export function isConnectionReset(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && RESET_CODES.has(code)) return true;
  }
  return false;
}
