/** The bounds of long-lived subscription connections (docs/adr/0013-federated-subscriptions.md). */
export interface SubscriptionSettings {
  /** Subscriptions one WebSocket may hold at once; one more is refused with SUBSCRIPTION_LIMIT_EXCEEDED. */
  readonly maxSubscriptionsPerConnection: number;
  /** Open WebSockets and SSE streams per client address; one more is closed with 4029. */
  readonly maxConnectionsPerAddress: number;
  /** How long a WebSocket may stay open without `connection_init` (graphql-ws closes it with 4408). */
  readonly connectionInitTimeoutMs: number;
  /** Interval of keep-alive pings; a client that misses a pong for as long is dropped. */
  readonly keepAliveMs: number;
  /** Bytes a socket may have unsent before its client counts as a slow consumer (closed with 4413). */
  readonly maxBufferedBytes: number;
  /** Payloads a subscriber may leave unread before it counts as a slow consumer. */
  readonly maxBacklog: number;
  /** Least time between two pushes of one ranking subscription. */
  readonly rankingIntervalMs: number;
}

export const defaultSubscriptionSettings: SubscriptionSettings = {
  maxSubscriptionsPerConnection: 20,
  maxConnectionsPerAddress: 100,
  connectionInitTimeoutMs: 10_000,
  keepAliveMs: 12_000,
  maxBufferedBytes: 1024 * 1024,
  maxBacklog: 100,
  rankingIntervalMs: 250,
};

/** The close codes (and HTTP statuses for SSE) a subscriber can see; documented in docs/errors.md. */
export const CloseCode = {
  /** The token in `connectionParams.authorization` is invalid, or has expired. */
  FORBIDDEN: 4403,
  /** Too many open connections from this client address. */
  TOO_MANY_CONNECTIONS: 4029,
  /** The client does not read its messages fast enough. */
  SLOW_CONSUMER: 4413,
} as const;
