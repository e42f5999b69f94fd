import type { EntityManager } from '@mikro-orm/core';
import type { Identity } from '../auth/Identity';

/** What every resolver of every subgraph receives. Subgraphs extend it with their use cases. */
export interface SubgraphContext {
  /** A fresh unit of work for this request (never the global one). */
  readonly em: EntityManager;
  /** Null when the caller is not signed in. */
  readonly identity: Identity | null;
  /** The caller's `Authorization` header, to forward on a synchronous call to another subgraph. */
  readonly authorization: string | null;
  readonly requestId: string;
  /**
   * The caller's address: the router's X-Forwarded-For (subgraphs are reached through the router
   * only), else this connection's peer. For throttling, never for authorization.
   */
  readonly clientAddress?: string;
}
